// GET /api/metrics: Prometheus metrics of this instance (LLM cost, tokens and latency, plus the process's).
import { registerLlmMetrics } from "@/server/llm/llm-metrics";
import { getMetricsRegistry } from "@/server/metrics/metrics-registry";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  registerLlmMetrics();
  const registry = getMetricsRegistry();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } });
}
