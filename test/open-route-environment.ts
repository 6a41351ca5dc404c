import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { vi } from "vitest";

export interface RouteEnvironment {
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The process environment for testing real route handlers: a fresh DATA_DIR, a fresh database on the
 * PostgreSQL server of TEST_DATABASE_URL when set (embedded PGlite otherwise), Redis when REDIS_URL is set,
 * and `variables`. Call it before importing anything that reads env.ts. The clock is frozen at a random
 * minute so rate-limit windows neither roll over mid-test nor meet counters an earlier run left in Redis.
 */
export async function openRouteEnvironment(variables: Record<string, string>): Promise<RouteEnvironment> {
  vi.useFakeTimers({ toFake: ["Date"], now: Date.UTC(2031, 0, 1) + Math.floor(Math.random() * 500_000) * 60_000 + 5_000 });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cf-route-"));
  Object.assign(process.env, { DATA_DIR: dataDir, PORT: "3000", ...variables });
  delete process.env.AUTH_URL;
  let dropDatabase: (() => Promise<void>) | undefined;
  const postgresServer = process.env.TEST_DATABASE_URL;
  if (postgresServer) {
    const { createFreshPostgresDatabase } = await import("@/test/test-databases");
    const database = await createFreshPostgresDatabase(postgresServer);
    process.env.DATABASE_URL = database.url;
    dropDatabase = database.drop;
  } else delete process.env.DATABASE_URL;
  // Counters go to Redis only once it is connected (in-process until then), so wait for it.
  const { getRedis } = await import("@/server/cache/redis");
  const redis = getRedis();
  if (redis && redis.status !== "ready") await once(redis, "ready");
  return {
    dataDir,
    close: async () => {
      const { getDatabaseHandle } = await import("@/db/client");
      await (await getDatabaseHandle()).close();
      await dropDatabase?.();
      redis?.disconnect();
      vi.useRealTimers();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
