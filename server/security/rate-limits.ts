import "server-only";
import { env } from "@/env";
import { getRedis } from "@/server/cache/redis";
import type { Caller } from "@/server/auth/caller";
import { AppError } from "@/server/errors/app-error";
import { RateLimiter } from "@/server/security/rate-limiter";

/** The plan's limits by default: 100 requests a minute per user, 1,000 per organisation. */
export const API_LIMITS = { perUserPerMinute: env.RATE_LIMIT_USER_PER_MINUTE, perOrganisationPerMinute: env.RATE_LIMIT_ORGANISATION_PER_MINUTE } as const;

const globalForLimiter = globalThis as unknown as { candlefishRateLimiter?: RateLimiter };

/** The process's limiter: counters in Redis when configured, in this process otherwise. */
export function getRateLimiter(): RateLimiter {
  globalForLimiter.candlefishRateLimiter ??= new RateLimiter(getRedis());
  return globalForLimiter.candlefishRateLimiter;
}

/** Password guessing: 10 sign-in attempts per e-mail address per 15 minutes. */
export async function consumeSignInAttempt(email: string, rateLimiter: RateLimiter = getRateLimiter()) {
  return rateLimiter.consume(`signin:${email.trim().toLowerCase()}`, 10, 15 * 60);
}

/** Throws a 429 AppError with Retry-After when the caller or their organisation is over its limit. */
export async function enforceApiRateLimit(caller: Caller, rateLimiter: RateLimiter = getRateLimiter()): Promise<void> {
  const [user, organisation] = await Promise.all([
    rateLimiter.consume(`user:${caller.userId}`, API_LIMITS.perUserPerMinute, 60),
    rateLimiter.consume(`org:${caller.organisationId}`, API_LIMITS.perOrganisationPerMinute, 60),
  ]);
  const refused = !user.allowed ? user : !organisation.allowed ? organisation : undefined;
  if (refused) {
    throw new AppError("rate_limited", "Too many requests. Wait a moment and try again.", undefined, {
      retryAfterSeconds: refused.retryAfterSeconds,
    });
  }
}
