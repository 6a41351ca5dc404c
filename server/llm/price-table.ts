import type { LlmUsage } from "@/server/llm/llm-types";

/** USD per million tokens, by kind. */
export interface ModelPrice {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

/**
 * Published list prices. Change the version whenever a price changes: every call row records the version it
 * was priced with, so old rows stay explainable.
 */
export const PRICE_TABLE_VERSION = "2025-09-01";

const PRICES: Record<string, ModelPrice> = {
  "claude-opus-4-1": { input: 15, output: 75, cacheRead: 1.5, cacheWrite: 18.75 },
  "claude-opus-4": { input: 15, output: 75, cacheRead: 1.5, cacheWrite: 18.75 },
  "claude-sonnet-4-5": { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
  "claude-sonnet-4": { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
  "claude-3-7-sonnet": { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
  "claude-3-5-haiku": { input: 0.8, output: 4, cacheRead: 0.08, cacheWrite: 1 },
  "claude-haiku-4-5": { input: 1, output: 5, cacheRead: 0.1, cacheWrite: 1.25 },
  "gpt-4o-mini": { input: 0.15, output: 0.6, cacheRead: 0.075, cacheWrite: 0.15 },
  "gpt-4o": { input: 2.5, output: 10, cacheRead: 1.25, cacheWrite: 2.5 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6, cacheRead: 0.1, cacheWrite: 0.4 },
  "gpt-4.1": { input: 2, output: 8, cacheRead: 0.5, cacheWrite: 2 },
  "gpt-5-mini": { input: 0.25, output: 2, cacheRead: 0.025, cacheWrite: 0.25 },
  "gpt-5": { input: 1.25, output: 10, cacheRead: 0.125, cacheWrite: 1.25 },
  "meta-llama/Llama-3.3-70B-Instruct-Turbo": { input: 0.88, output: 0.88, cacheRead: 0.88, cacheWrite: 0.88 },
  "meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo": { input: 0.18, output: 0.18, cacheRead: 0.18, cacheWrite: 0.18 },
  "candlefish-offline": { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
};

const KEYS_LONGEST_FIRST = Object.keys(PRICES).sort((a, b) => b.length - a.length);

/** The price table's name for a model, matching dated names (`gpt-4o-2024-08-06`) to their family. */
export function findPricedModelName(model: string): string | undefined {
  if (Object.hasOwn(PRICES, model)) return model;
  return KEYS_LONGEST_FIRST.find((candidate) => model.startsWith(candidate));
}

/** The price of a model (see `findPricedModelName`); undefined when unknown. */
export function findModelPrice(model: string): ModelPrice | undefined {
  const key = findPricedModelName(model);
  return key ? PRICES[key] : undefined;
}

export type CostByType = Record<"input" | "output" | "cache_read" | "cache_write", number>;

export function priceUsageByType(price: ModelPrice | undefined, usage: LlmUsage): CostByType {
  if (!price) return { input: 0, output: 0, cache_read: 0, cache_write: 0 };
  return {
    input: (usage.inputTokens * price.input) / 1_000_000,
    output: (usage.outputTokens * price.output) / 1_000_000,
    cache_read: (usage.cacheReadTokens * price.cacheRead) / 1_000_000,
    cache_write: (usage.cacheWriteTokens * price.cacheWrite) / 1_000_000,
  };
}

export function priceUsage(price: ModelPrice | undefined, usage: LlmUsage): number {
  const byType = priceUsageByType(price, usage);
  return byType.input + byType.output + byType.cache_read + byType.cache_write;
}

export function listPricedModels(): string[] {
  return Object.keys(PRICES);
}
