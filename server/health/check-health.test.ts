import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/database";
import { checkHealth } from "@/server/health/check-health";

const healthyDatabase = async () => ({ driver: "pglite", ping: async () => undefined }) as unknown as DatabaseHandle;

describe("checkHealth", () => {
  it("is ok when the database answers and Redis is not configured", async () => {
    const report = await checkHealth({ database: healthyDatabase, redis: () => null });
    expect(report).toMatchObject({ status: "ok", db: "ok", dbDriver: "pglite", redis: "disabled", failing: [] });
  });

  it("names the database when it cannot be reached", async () => {
    const report = await checkHealth({
      database: async () => {
        throw new Error("ECONNREFUSED");
      },
      redis: () => null,
    });
    expect(report).toMatchObject({ status: "error", db: "error", failing: ["db"] });
  });

  it("reports a Redis that is down without failing the app", async () => {
    const redis = new Redis({ port: 1, lazyConnect: true, enableOfflineQueue: false, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    redis.on("error", () => undefined);
    const report = await checkHealth({ database: healthyDatabase, redis: () => redis });
    redis.disconnect();
    expect(report).toMatchObject({ status: "ok", redis: "error" });
  });
});
