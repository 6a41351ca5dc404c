import "server-only";
import { Redis } from "ioredis";
import { env } from "@/env";

const globalForRedis = globalThis as unknown as { candlefishRedis?: Redis | null };

/**
 * The shared Redis connection, or null when REDIS_URL is unset (callers then keep state in-process).
 * Commands fail fast while Redis is down (no offline queue), so callers can fall back instead of hanging.
 */
export function getRedis(): Redis | null {
  if (globalForRedis.candlefishRedis !== undefined) return globalForRedis.candlefishRedis;
  globalForRedis.candlefishRedis = env.REDIS_URL ? createRedis(env.REDIS_URL) : null;
  return globalForRedis.candlefishRedis;
}

export function createRedis(url: string): Redis {
  const redis = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
  });
  redis.on("error", (error: Error) => {
    if (env.LOG_LEVEL === "debug") console.warn("redis:", error.message);
  });
  return redis;
}
