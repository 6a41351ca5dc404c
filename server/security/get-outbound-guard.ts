import "server-only";
import { env } from "@/env";
import { createOutboundGuard, type OutboundGuard } from "@/server/security/outbound-url-guard";

const globalForGuard = globalThis as unknown as { candlefishOutboundGuard?: OutboundGuard };

/** The process-wide guard: the OS resolver and the operator's ALLOWED_PRIVATE_ENDPOINTS. */
export function getOutboundGuard(): OutboundGuard {
  globalForGuard.candlefishOutboundGuard ??= createOutboundGuard({ allowList: env.ALLOWED_PRIVATE_ENDPOINTS });
  return globalForGuard.candlefishOutboundGuard;
}
