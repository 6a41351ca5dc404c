import "server-only";
import type { Redis } from "ioredis";

export interface RateLimitDecision {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters: in Redis when it is configured (shared by every app process), in this process
 * otherwise, and in this process too while Redis is failing, so a Redis outage never blocks requests.
 */
export class RateLimiter {
  private readonly local = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly redis: Redis | null, private readonly now: () => number = Date.now) {}

  async consume(key: string, limit: number, windowSeconds: number): Promise<RateLimitDecision> {
    const windowMs = windowSeconds * 1000;
    const windowStart = Math.floor(this.now() / windowMs) * windowMs;
    const resetAt = windowStart + windowMs;
    const count = (await this.incrementInRedis(`ratelimit:${key}:${windowStart}`, windowSeconds)) ?? this.incrementLocally(key, resetAt);
    const retryAfterSeconds = Math.max(1, Math.ceil((resetAt - this.now()) / 1000));
    return { allowed: count <= limit, remaining: Math.max(0, limit - count), retryAfterSeconds };
  }

  private async incrementInRedis(key: string, windowSeconds: number): Promise<number | undefined> {
    if (!this.redis) return undefined;
    try {
      const results = await this.redis.multi().incr(key).expire(key, windowSeconds + 1).exec();
      const count = results?.[0]?.[1];
      return typeof count === "number" ? count : undefined;
    } catch {
      return undefined;
    }
  }

  private incrementLocally(key: string, resetAt: number): number {
    const entry = this.local.get(key);
    if (!entry || entry.resetAt !== resetAt) {
      if (this.local.size > 10_000) this.evictExpired();
      this.local.set(key, { count: 1, resetAt });
      return 1;
    }
    entry.count += 1;
    return entry.count;
  }

  private evictExpired(): void {
    const now = this.now();
    for (const [key, entry] of this.local) if (entry.resetAt <= now) this.local.delete(key);
  }
}
