import "server-only";
import { registerLlmMetrics } from "@/server/llm/llm-metrics";
import { getMetricsRegistry } from "@/server/metrics/metrics-registry";

/** The exposition text of every metric of this process; each domain registers its metrics here up front. */
export async function collectMetrics(): Promise<{ body: string; contentType: string }> {
  registerLlmMetrics();
  const registry = getMetricsRegistry();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
