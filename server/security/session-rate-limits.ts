import "server-only";
import { env } from "@/env";
import { AppError } from "@/server/errors/app-error";
import { getRateLimiter } from "@/server/security/rate-limits";
import type { RateLimiter } from "@/server/security/rate-limiter";

/** Who UI traffic is counted against: the signed-in user, else the client's address. */
export interface SessionRateSubject {
  userId?: string;
  clientAddress?: string;
}

/**
 * The browser UI's limit (tRPC calls, each call of a batch counted; session routes such as the upload): per
 * signed-in user, or per client address when signed out. Generous enough for the UI's 1 s polling in several
 * tabs; starting a run additionally counts against the REST API's per-user and per-organisation limits.
 */
export async function enforceSessionRateLimit(subject: SessionRateSubject, rateLimiter: RateLimiter = getRateLimiter()): Promise<void> {
  const key = subject.userId ? `session:user:${subject.userId}` : `session:address:${subject.clientAddress ?? "unknown"}`;
  const decision = await rateLimiter.consume(key, env.RATE_LIMIT_SESSION_PER_MINUTE, 60);
  if (!decision.allowed) {
    throw new AppError("rate_limited", "Too many requests from this session. Wait a moment and try again.", undefined, {
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }
}
