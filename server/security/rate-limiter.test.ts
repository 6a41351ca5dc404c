import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { RateLimiter } from "@/server/security/rate-limiter";
import { enforceApiRateLimit } from "@/server/security/rate-limits";

const redisUrl = process.env.REDIS_URL;
const redis = redisUrl ? new Redis(redisUrl) : null;
afterAll(() => redis?.disconnect());

const backends = [
  { name: "in-process", make: (now: () => number) => new RateLimiter(null, now) },
  ...(redis ? [{ name: "redis", make: (now: () => number) => new RateLimiter(redis, now) }] : []),
];

describe.each(backends)("RateLimiter ($name)", ({ make }) => {
  it("allows up to the limit in a window, then refuses with the time left", async () => {
    let now = 1_700_000_000_000;
    const limiter = make(() => now);
    const key = `test-${Math.random()}`;
    for (let i = 0; i < 3; i += 1) expect((await limiter.consume(key, 3, 60)).allowed).toBe(true);
    const refused = await limiter.consume(key, 3, 60);
    expect(refused).toMatchObject({ allowed: false, remaining: 0 });
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    now += 60_000;
    expect((await limiter.consume(key, 3, 60)).allowed).toBe(true);
  });
});

describe("RateLimiter with Redis down", () => {
  it("falls back to counting in-process instead of failing", async () => {
    const down = new Redis({ port: 1, lazyConnect: true, enableOfflineQueue: false, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    down.on("error", () => undefined);
    const limiter = new RateLimiter(down);
    expect((await limiter.consume("k", 1, 60)).allowed).toBe(true);
    expect((await limiter.consume("k", 1, 60)).allowed).toBe(false);
    down.disconnect();
  });
});

describe("enforceApiRateLimit", () => {
  it("throws a 429 AppError with Retry-After past 100 requests a minute", async () => {
    const limiter = new RateLimiter(null);
    const caller = { userId: "u", organisationId: "o", role: "member" as const, via: "api_key" as const };
    for (let i = 0; i < 100; i += 1) await enforceApiRateLimit(caller, limiter);
    await expect(enforceApiRateLimit(caller, limiter)).rejects.toMatchObject({ code: "rate_limited", httpStatus: 429 });
  });
});
