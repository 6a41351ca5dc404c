import "server-only";
import type { Redis } from "ioredis";
import { getDatabaseHandle } from "@/db/client";
import type { DatabaseHandle } from "@/db/database";
import { getRedis } from "@/server/cache/redis";

type PartStatus = "ok" | "error" | "disabled";

export interface HealthReport {
  status: "ok" | "error";
  db: PartStatus;
  dbDriver?: string;
  redis: PartStatus;
  failing: string[];
  uptimeSeconds: number;
}

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref()),
  ]);
}

/** Pings the database (required) and Redis (when configured; the app degrades without it, so it is reported but not fatal). */
export async function checkHealth(
  parts: { database: () => Promise<DatabaseHandle>; redis: () => Redis | null } = { database: getDatabaseHandle, redis: getRedis },
): Promise<HealthReport> {
  const failing: string[] = [];
  let db: PartStatus = "ok";
  let dbDriver: string | undefined;
  try {
    const handle = await withTimeout(parts.database(), "database");
    dbDriver = handle.driver;
    await withTimeout(handle.ping(), "database");
  } catch {
    db = "error";
    failing.push("db");
  }
  let redis: PartStatus = "disabled";
  const client = parts.redis();
  if (client) {
    try {
      await withTimeout(client.ping(), "redis");
      redis = "ok";
    } catch {
      redis = "error";
    }
  }
  return { status: db === "ok" ? "ok" : "error", db, dbDriver, redis, failing, uptimeSeconds: Math.round(process.uptime()) };
}
