import { assessComplexity, type ComplexityAssessment, type ComplexityLevel } from "@/server/llm/assess-complexity";
import { estimateInputTokens } from "@/server/llm/estimate-tokens";
import type { LlmMessage, LlmTool, LlmToolChoice } from "@/server/llm/llm-types";
import { findModelPrice, priceUsage } from "@/server/llm/price-table";
import { OFFLINE_MODEL, OFFLINE_PROVIDER_ID } from "@/server/llm/providers/offline-provider";
import type { LlmPolicy, ModelRef } from "@/server/llm/routing-policy";

export interface BudgetUse {
  spentUsd: number;
  limitUsd: number | null;
}

export interface BudgetAlert {
  scope: "organisation" | "user";
  level: "warning" | "exceeded";
  spentUsd: number;
  limitUsd: number;
}

export interface RouteCandidate extends ModelRef {
  estimatedCostUsd: number;
}

export interface RouteDecision {
  tier: ComplexityLevel | "named" | "offline";
  complexity: ComplexityAssessment | null;
  chain: RouteCandidate[];
  estimatedInputTokens: number;
  maxOutputTokens: number;
  costCapUsd: number;
  reason: string;
  budgetAlerts: BudgetAlert[];
  refusal?: { code: "budget_exceeded" | "max_cost_exceeded" | "unknown_model"; message: string };
}

export interface RouteInput {
  policy: LlmPolicy;
  request: {
    model?: string;
    system?: string;
    messages: readonly LlmMessage[];
    tools?: readonly LlmTool[];
    toolChoice?: LlmToolChoice;
    attachments?: number;
    maxOutputTokens?: number;
    maxCost?: number;
  };
  isAvailable: (provider: string) => boolean;
  resolveNamedModel: (name: string) => ModelRef | undefined;
  budgets: { organisation: BudgetUse; user: BudgetUse };
}

const TIER_ORDER: Record<ComplexityLevel, ComplexityLevel[]> = {
  high: ["high", "medium", "low"],
  medium: ["medium", "low", "high"],
  low: ["low", "medium", "high"],
};

const usd = (value: number) => `$${value < 0.01 ? value.toFixed(4) : value.toFixed(2)}`;
const label = (ref: ModelRef) => `${ref.provider}/${ref.model}`;

/**
 * Decides where a request goes and says why: complexity → tier (the plan's matrix), budgets (alert, downgrade
 * or stop), the cost cap (`maxCost`, lowered to what is left of a budget) checked against an estimate made
 * before sending, and only configured providers. Pure: the caller supplies spend and availability.
 */
export function chooseRoute(input: RouteInput): RouteDecision {
  const { policy, request } = input;
  const reasons: string[] = [];
  const estimatedInputTokens = estimateInputTokens(request);
  const maxOutputTokens = request.maxOutputTokens ?? policy.defaultMaxOutputTokens;
  const estimate = (ref: ModelRef) =>
    priceUsage(findModelPrice(ref.model), { inputTokens: estimatedInputTokens, outputTokens: maxOutputTokens, cacheReadTokens: 0, cacheWriteTokens: 0 });
  let costCapUsd = request.maxCost ?? policy.defaultMaxCostUsd;
  const base = { estimatedInputTokens, maxOutputTokens, complexity: null, chain: [], budgetAlerts: [] as BudgetAlert[] };

  let downgraded = false;
  for (const scope of ["organisation", "user"] as const) {
    const { spentUsd, limitUsd } = input.budgets[scope];
    if (limitUsd === null) continue;
    if (spentUsd >= limitUsd) {
      base.budgetAlerts.push({ scope, level: "exceeded", spentUsd, limitUsd });
      if (policy.budgets.onExceeded === "stop") {
        const message = `The ${scope}'s monthly model budget of ${usd(limitUsd)} is used up (${usd(spentUsd)} spent). An admin can raise it under Admin → Costs.`;
        return { ...base, tier: "named", costCapUsd, reason: `${scope} budget exceeded: stopped`, refusal: { code: "budget_exceeded", message } };
      }
      downgraded = true;
      reasons.push(`${scope} budget used (${usd(spentUsd)} of ${usd(limitUsd)}): downgraded to the low tier`);
      continue;
    }
    if (spentUsd >= limitUsd * policy.budgets.alertAtFraction) {
      base.budgetAlerts.push({ scope, level: "warning", spentUsd, limitUsd });
      reasons.push(`${scope} budget at ${Math.round((spentUsd / limitUsd) * 100)}%`);
    }
    if (limitUsd - spentUsd < costCapUsd) {
      costCapUsd = limitUsd - spentUsd;
      reasons.push(`cost cap lowered to the ${usd(costCapUsd)} left in the ${scope} budget`);
    }
  }

  let tier: RouteDecision["tier"];
  let complexity: ComplexityAssessment | null = null;
  let wanted: ModelRef[];
  const named = request.model && request.model !== "auto" ? request.model : undefined;
  if (named && !downgraded) {
    const ref = input.resolveNamedModel(named);
    if (!ref) {
      const message = `No configured provider serves the model "${named}". Use "auto", or one of the models listed at /api/v1/openai/models.`;
      return { ...base, tier: "named", costCapUsd, reason: "unknown model", refusal: { code: "unknown_model", message } };
    }
    tier = "named";
    wanted = [ref];
    reasons.unshift(`model ${label(ref)} requested by name`);
  } else {
    complexity = assessComplexity(request, policy.complexity);
    let level = complexity.level;
    reasons.unshift(`complexity ${level} (score ${complexity.score}: ${complexity.signals.join(", ")})`);
    if (level === "high" && costCapUsd < policy.highTierMinMaxCostUsd) {
      level = "medium";
      reasons.push(`cost cap ${usd(costCapUsd)} is below the ${usd(policy.highTierMinMaxCostUsd)} the high tier needs: medium tier`);
    }
    if (downgraded) level = "low";
    tier = level;
    wanted = TIER_ORDER[level].flatMap((name) => policy.tiers[name]);
  }

  const seen = new Set<string>();
  const configured = wanted.filter((ref) => {
    const key = label(ref);
    if (seen.has(key) || !input.isAvailable(ref.provider)) return false;
    seen.add(key);
    return true;
  });
  if (configured.length === 0) {
    reasons.push("no provider of this route is configured: offline provider");
    const chain = [{ provider: OFFLINE_PROVIDER_ID, model: OFFLINE_MODEL, estimatedCostUsd: 0 }];
    return { ...base, complexity, tier: "offline", chain, costCapUsd, reason: reasons.join("; ") };
  }

  const priced = configured.map((ref) => ({ ...ref, estimatedCostUsd: estimate(ref) }));
  const first = priced[0] as RouteCandidate;
  const affordable = priced.filter((candidate) => candidate.estimatedCostUsd <= costCapUsd);
  if (first.estimatedCostUsd > costCapUsd && (policy.onMaxCostExceeded === "refuse" || tier === "named" || affordable.length === 0)) {
    const message = `The estimated cost of ${usd(first.estimatedCostUsd)} on ${label(first)} is over the ${usd(costCapUsd)} allowed for this request. Raise maxCost, shorten the request or lower the output limit.`;
    reasons.push(`estimated ${usd(first.estimatedCostUsd)} on ${label(first)} exceeds the cap ${usd(costCapUsd)}: refused`);
    return { ...base, complexity, tier, costCapUsd, reason: reasons.join("; "), refusal: { code: "max_cost_exceeded", message } };
  }
  if (first.estimatedCostUsd > costCapUsd) {
    reasons.push(`estimated ${usd(first.estimatedCostUsd)} on ${label(first)} exceeds the cap ${usd(costCapUsd)}: downgraded`);
  }
  const chosen = affordable[0] as RouteCandidate;
  reasons.push(`→ ${label(chosen)} (est. ${usd(chosen.estimatedCostUsd)}, cap ${usd(costCapUsd)})`);
  return { ...base, complexity, tier, chain: affordable, costCapUsd, reason: reasons.join("; ") };
}
