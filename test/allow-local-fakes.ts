import { createOutboundGuard, type OutboundGuard } from "@/server/security/outbound-url-guard";
import { parseAllowList } from "@/server/security/private-endpoint-allow-list";

/**
 * An outbound guard that lets exactly these local fake servers through (each URL's host and port), as an
 * operator would with ALLOWED_PRIVATE_ENDPOINTS. Everything else private stays refused.
 */
export function allowLocalFakes(...urls: string[]): OutboundGuard {
  return createOutboundGuard({ allowList: parseAllowList(urls.map((url) => new URL(url).host).join(",")) });
}
