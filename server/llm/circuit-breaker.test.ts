import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/env";
import { CircuitBreaker, createMemoryBreakerStore, createRedisBreakerStore, type BreakerStore } from "@/server/llm/circuit-breaker";

let clock = 1_000_000;
const now = () => clock;
const redisClients: Redis[] = [];

const stores: Array<{ name: string; create: () => BreakerStore }> = [
  { name: "in-process", create: () => createMemoryBreakerStore(now) },
  ...(env.REDIS_URL
    ? [
        {
          name: "redis",
          create: () => {
            const redis = new Redis(env.REDIS_URL as string, { maxRetriesPerRequest: 1 });
            redisClients.push(redis);
            return createRedisBreakerStore(redis, createMemoryBreakerStore(now), `test:breaker:${Math.random().toString(36).slice(2)}:`);
          },
        },
      ]
    : []),
];

afterAll(async () => {
  await Promise.all(redisClients.map((redis) => redis.quit()));
});

describe.each(stores)("circuit breaker ($name)", ({ create }) => {
  it("opens after the threshold of consecutive failures, then lets exactly one probe through after the cool-down", async () => {
    const breaker = new CircuitBreaker(create(), { failureThreshold: 3, cooldownMs: 1_000, now });
    for (let failure = 0; failure < 2; failure += 1) await breaker.recordFailure("p:m");
    expect(await breaker.check("p:m")).toBe("closed");
    await breaker.recordFailure("p:m");
    expect(await breaker.check("p:m")).toBe("open");
    expect(await breaker.check("other:m")).toBe("closed");
    clock += 1_001;
    expect(await breaker.check("p:m")).toBe("probe");
    expect(await breaker.check("p:m")).toBe("open");
  });

  it("closes when the probe succeeds and re-opens when it fails", async () => {
    const breaker = new CircuitBreaker(create(), { failureThreshold: 2, cooldownMs: 500, now });
    await breaker.recordFailure("a");
    await breaker.recordFailure("a");
    clock += 501;
    expect(await breaker.check("a")).toBe("probe");
    await breaker.recordFailure("a");
    expect(await breaker.check("a")).toBe("open");
    clock += 501;
    const verdict = await breaker.check("a");
    expect(verdict).toBe("probe");
    await breaker.recordSuccess("a", verdict);
    expect(await breaker.check("a")).toBe("closed");
    await breaker.recordFailure("a");
    expect(await breaker.check("a")).toBe("closed");
  });

  it("counts only consecutive failures: a success in between resets the count", async () => {
    const breaker = new CircuitBreaker(create(), { failureThreshold: 2, cooldownMs: 500, now });
    await breaker.recordFailure("b");
    await breaker.recordSuccess("b", await breaker.check("b"));
    await breaker.recordFailure("b");
    expect(await breaker.check("b")).toBe("closed");
  });
});

describe.skipIf(!env.REDIS_URL)("circuit breaker shared through Redis", () => {
  it("lets a second instance see a circuit the first one opened", async () => {
    const prefix = `test:breaker:${Math.random().toString(36).slice(2)}:`;
    const [one, two] = [new Redis(env.REDIS_URL as string), new Redis(env.REDIS_URL as string)];
    redisClients.push(one, two);
    const first = new CircuitBreaker(createRedisBreakerStore(one, createMemoryBreakerStore(now), prefix), { failureThreshold: 2, cooldownMs: 10_000, now });
    const second = new CircuitBreaker(createRedisBreakerStore(two, createMemoryBreakerStore(now), prefix), { failureThreshold: 2, cooldownMs: 10_000, now });
    await first.recordFailure("shared");
    await second.recordFailure("shared");
    expect(await first.check("shared")).toBe("open");
    expect(await second.check("shared")).toBe("open");
  });

  it("falls back to in-process state when Redis is unreachable", async () => {
    const broken = new Redis("redis://127.0.0.1:1", { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    const breaker = new CircuitBreaker(createRedisBreakerStore(broken, createMemoryBreakerStore(now)), { failureThreshold: 1, cooldownMs: 10_000, now });
    await breaker.recordFailure("down");
    expect(await breaker.check("down")).toBe("open");
    broken.disconnect();
  });
});
