import "server-only";
import { getDb } from "@/db/client";
import { env } from "@/env";
import { getRedis } from "@/server/cache/redis";
import { buildEnvironmentProviders } from "@/server/llm/build-providers";
import { createMemoryBreakerStore, createRedisBreakerStore } from "@/server/llm/circuit-breaker";
import { loadEndpointConfigs } from "@/server/llm/llm-endpoints";
import { createLlmRouter, type LlmRouter } from "@/server/llm/llm-router";
import { getSecretKey } from "@/server/secrets/get-secret-key";

const globalForRouter = globalThis as unknown as { candlefishLlmRouter?: Promise<LlmRouter> };

/**
 * The process-wide router: providers from the environment plus each organisation's endpoints, circuit state in
 * Redis when REDIS_URL is set (in-process otherwise). This is what the agent, the gateway and the admin use.
 */
export function getLlmRouter(): Promise<LlmRouter> {
  globalForRouter.candlefishLlmRouter ??= getDb().then((db) => {
    const redis = getRedis();
    const memory = createMemoryBreakerStore();
    return createLlmRouter({
      db,
      environmentProviders: buildEnvironmentProviders(env),
      loadEndpoints: (organisationId) => loadEndpointConfigs(db, getSecretKey(), organisationId),
      breakerStore: redis ? createRedisBreakerStore(redis, memory) : memory,
    });
  });
  return globalForRouter.candlefishLlmRouter;
}
