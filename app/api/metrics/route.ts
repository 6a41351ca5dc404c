// GET /api/metrics: Prometheus metrics of this instance (LLM cost, tokens and latency, plus the process's).
// Only with `Authorization: Bearer <METRICS_TOKEN>`; without a configured token, 404 (see the loopback listener).
import { env } from "@/env";
import { refuseMetricsRequest } from "@/server/metrics/authorize-metrics-request";
import { collectMetrics } from "@/server/metrics/collect-metrics";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const refusal = refuseMetricsRequest(request, env.METRICS_TOKEN);
  if (refusal) return refusal;
  const { body, contentType } = await collectMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
