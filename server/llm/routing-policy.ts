import { z } from "zod";

export const modelRefSchema = z.object({
  provider: z.string().min(1).max(100),
  model: z.string().min(1).max(200),
});
export type ModelRef = z.infer<typeof modelRefSchema>;

const chainSchema = z.array(modelRefSchema).min(1).max(8);

/**
 * An organisation's routing policy. The tiers are fallback chains: the first model is preferred, the rest are
 * tried in order when it fails. Money is in USD; budgets are per calendar month (UTC).
 */
export const llmPolicySchema = z.object({
  tiers: z.object({ high: chainSchema, medium: chainSchema, low: chainSchema }),
  complexity: z
    .object({ mediumAt: z.number().int().min(1).max(50), highAt: z.number().int().min(1).max(50) })
    .refine((value) => value.highAt > value.mediumAt, "The high threshold must be above the medium one."),
  /** The high tier is used only when the request's cost cap is at least this (the plan's "enough budget"). */
  highTierMinMaxCostUsd: z.number().min(0).max(1000),
  /** The cost cap of a request that does not set `maxCost`. */
  defaultMaxCostUsd: z.number().positive().max(1000),
  onMaxCostExceeded: z.enum(["downgrade", "refuse"]),
  defaultMaxOutputTokens: z.number().int().min(16).max(200_000),
  budgets: z.object({
    organisationMonthlyUsd: z.number().positive().nullable(),
    userMonthlyUsd: z.number().positive().nullable(),
    alertAtFraction: z.number().min(0.05).max(1),
    onExceeded: z.enum(["downgrade", "stop"]),
  }),
});
export type LlmPolicy = z.infer<typeof llmPolicySchema>;

/** The plan's matrix: high → the strongest Anthropic model, medium → an OpenAI model, low → an open model. */
export const DEFAULT_POLICY: LlmPolicy = {
  tiers: {
    high: [
      { provider: "anthropic", model: "claude-opus-4-1-20250805" },
      { provider: "anthropic", model: "claude-sonnet-4-20250514" },
      { provider: "openai", model: "gpt-4o" },
    ],
    medium: [
      { provider: "openai", model: "gpt-4o" },
      { provider: "anthropic", model: "claude-sonnet-4-20250514" },
    ],
    low: [
      { provider: "together", model: "meta-llama/Llama-3.3-70B-Instruct-Turbo" },
      { provider: "openai", model: "gpt-4o-mini" },
    ],
  },
  complexity: { mediumAt: 3, highAt: 6 },
  highTierMinMaxCostUsd: 0.5,
  defaultMaxCostUsd: 1,
  onMaxCostExceeded: "downgrade",
  defaultMaxOutputTokens: 1024,
  budgets: { organisationMonthlyUsd: null, userMonthlyUsd: null, alertAtFraction: 0.8, onExceeded: "downgrade" },
};

/** Reads a stored policy, falling back to the default for anything missing or no longer valid. */
export function parseStoredPolicy(stored: unknown): LlmPolicy {
  if (!stored || typeof stored !== "object") return DEFAULT_POLICY;
  const parsed = llmPolicySchema.safeParse({ ...DEFAULT_POLICY, ...(stored as Record<string, unknown>) });
  return parsed.success ? parsed.data : DEFAULT_POLICY;
}

/** The model the saving is measured against: the first of the high tier. */
export function strongestModel(policy: LlmPolicy): ModelRef {
  return policy.tiers.high[0] as ModelRef;
}
