import "server-only";
import { Counter, Histogram } from "prom-client";
import type { NewLlmCall } from "@/server/llm/llm-call-repository";
import type { LlmUsage } from "@/server/llm/llm-types";
import { findPricedModelName } from "@/server/llm/price-table";
import { boundLabel, getOrCreateMetric } from "@/server/metrics/metrics-registry";

const cost = () =>
  getOrCreateMetric("llm_cost_dollars", (registry) =>
    new Counter({ name: "llm_cost_dollars", help: "LLM API cost in US dollars", labelNames: ["provider", "model", "type"], registers: [registry] }),
  );
const tokens = () =>
  getOrCreateMetric("llm_tokens_total", (registry) =>
    new Counter({ name: "llm_tokens_total", help: "LLM tokens processed", labelNames: ["provider", "model", "type"], registers: [registry] }),
  );
const latency = () =>
  getOrCreateMetric("llm_request_duration_seconds", (registry) =>
    new Histogram({
      name: "llm_request_duration_seconds",
      help: "Duration of LLM calls through the router, by outcome",
      labelNames: ["provider", "model", "status"],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120],
      registers: [registry],
    }),
  );

/** Registers the LLM metrics up front, so /api/metrics lists them before the first call. */
export function registerLlmMetrics(): void {
  cost();
  tokens();
  latency();
}

const TOKEN_TYPES = [
  ["input", "inputTokens"],
  ["output", "outputTokens"],
  ["cache_read", "cacheReadTokens"],
  ["cache_write", "cacheWriteTokens"],
] as const;

const BUILT_IN_PROVIDERS: ReadonlySet<string> = new Set(["anthropic", "openai", "together", "offline"]);

/**
 * Label values a tenant cannot multiply: a client may name any model (`openai/<anything>`) and an admin adds
 * endpoints with ids and model names of their choosing, so models map to the price table's families or
 * "other", and admin-added endpoints to "endpoint". Per-tenant detail lives in the call rows, not here.
 */
export function llmMetricLabels(provider: string, model: string): { provider: string; model: string } {
  return {
    provider: provider.startsWith("endpoint:") ? "endpoint" : boundLabel(provider, BUILT_IN_PROVIDERS),
    model: findPricedModelName(model) ?? "other",
  };
}

/** Adds one call to the Prometheus counters; cost is labelled by token type like the tokens. */
export function recordLlmMetrics(call: {
  provider: string;
  model: string;
  status: NewLlmCall["status"];
  usage: LlmUsage;
  costByType: Record<"input" | "output" | "cache_read" | "cache_write", number>;
  latencyMs: number;
}): void {
  const labels = llmMetricLabels(call.provider, call.model);
  for (const [type, field] of TOKEN_TYPES) {
    const count = call.usage[field];
    if (count > 0) tokens().inc({ ...labels, type }, count);
    const dollars = call.costByType[type];
    if (dollars > 0) cost().inc({ ...labels, type }, dollars);
  }
  latency().observe({ ...labels, status: call.status }, call.latencyMs / 1000);
}
