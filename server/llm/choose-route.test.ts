import { describe, expect, it } from "vitest";
import { assessComplexity } from "@/server/llm/assess-complexity";
import { chooseRoute, type RouteInput } from "@/server/llm/choose-route";
import { DEFAULT_POLICY, type LlmPolicy } from "@/server/llm/routing-policy";

const thresholds = DEFAULT_POLICY.complexity;
const user = (content: string) => [{ role: "user" as const, content }];
const noBudget = { organisation: { spentUsd: 0, limitUsd: null }, user: { spentUsd: 0, limitUsd: null } };

function route(overrides: Partial<RouteInput["request"]> & { policy?: LlmPolicy; budgets?: RouteInput["budgets"]; available?: string[] } = {}) {
  const { policy = DEFAULT_POLICY, budgets = noBudget, available = ["anthropic", "openai", "together"], ...request } = overrides;
  return chooseRoute({
    policy,
    request: { messages: user("hi"), ...request },
    isAvailable: (provider) => available.includes(provider),
    resolveNamedModel: (name) => (name === "gpt-4o" ? { provider: "openai", model: "gpt-4o" } : undefined),
    budgets,
  });
}

const codeReview = "Compare these two implementations and analyse the trade-offs:\n```ts\nconst a = 1;\n```\n```ts\nlet b = 2;\n```";

describe("assessComplexity", () => {
  it("rates a short plain question low", () => {
    expect(assessComplexity({ messages: user("What is the capital of France?") }, thresholds)).toMatchObject({ level: "low", signals: ["short plain request"] });
  });

  it("rates code blocks with analysis verbs high, naming the signals", () => {
    const result = assessComplexity({ messages: user(codeReview) }, thresholds);
    expect(result.level).toBe("high");
    expect(result.signals.join(" ")).toMatch(/2 code blocks/);
    expect(result.signals.join(" ")).toMatch(/analysis \(compare/);
  });

  it("counts tools, required tools, conversation length and attachments, not just words", () => {
    const short = "Update the sheet.";
    expect(assessComplexity({ messages: user(short) }, thresholds).level).toBe("low");
    const tool = { name: "t", description: "d", inputSchema: {} };
    expect(assessComplexity({ messages: user(short), tools: [tool], toolChoice: "required" }, thresholds).level).toBe("medium");
    const long = Array.from({ length: 12 }, (_, index) => ({ role: index % 2 ? ("assistant" as const) : ("user" as const), content: "ok" }));
    expect(assessComplexity({ messages: long, attachments: 2 }, thresholds)).toMatchObject({ level: "medium" });
    expect(assessComplexity({ messages: [...long, ...user(short)], attachments: 2, tools: [tool], toolChoice: "required" }, thresholds).level).toBe("high");
  });

  it("does not rate a long but simple text high", () => {
    expect(assessComplexity({ messages: user("hello there friend ".repeat(150)) }, thresholds).level).not.toBe("high");
  });
});

describe("chooseRoute", () => {
  it("follows the plan's matrix: high → Anthropic, medium → OpenAI, low → the open model", () => {
    expect(route({ messages: user(codeReview) }).chain[0]).toMatchObject({ provider: "anthropic", model: "claude-opus-4-1-20250805" });
    const medium = route({ messages: user("Compare the totals in column B with last month"), tools: [{ name: "t", description: "d", inputSchema: {} }] });
    expect(medium.tier).toBe("medium");
    expect(medium.chain[0]).toMatchObject({ provider: "openai", model: "gpt-4o" });
    const low = route({ messages: user("Say hello") });
    expect(low.chain[0]).toMatchObject({ provider: "together" });
    expect(low.reason).toMatch(/complexity low/);
  });

  it("keeps the rest of the chain as fallbacks, skipping unconfigured providers with the offline provider as last resort", () => {
    const high = route({ messages: user(codeReview), available: ["openai"] });
    expect(high.chain.map((ref) => ref.model)).toEqual(["gpt-4o", "gpt-4o-mini"]);
    const none = route({ messages: user(codeReview), available: [] });
    expect(none).toMatchObject({ tier: "offline", chain: [{ provider: "offline" }] });
    expect(none.reason).toMatch(/offline/);
  });

  it("needs enough cost cap for the high tier", () => {
    const decision = route({ messages: user(codeReview), maxCost: 0.2 });
    expect(decision.tier).toBe("medium");
    expect(decision.reason).toMatch(/below the \$0\.50 the high tier needs/);
  });

  it("downgrades when the estimate exceeds maxCost, or refuses when the policy says so", () => {
    const bigOutput = { messages: user(codeReview), maxCost: 0.6, maxOutputTokens: 20_000 };
    const downgraded = route(bigOutput);
    expect(downgraded.refusal).toBeUndefined();
    expect(downgraded.chain[0]?.model).not.toBe("claude-opus-4-1-20250805");
    expect(downgraded.chain.every((candidate) => candidate.estimatedCostUsd <= 0.6)).toBe(true);
    expect(downgraded.reason).toMatch(/exceeds the cap \$0\.60: downgraded/);
    const refused = route({ ...bigOutput, policy: { ...DEFAULT_POLICY, onMaxCostExceeded: "refuse" } });
    expect(refused.refusal?.code).toBe("max_cost_exceeded");
    expect(refused.refusal?.message).toMatch(/Raise maxCost/);
  });

  it("alerts at 80% of a budget, caps the cost at what is left, downgrades or stops when it is used up", () => {
    const policy: LlmPolicy = { ...DEFAULT_POLICY, budgets: { ...DEFAULT_POLICY.budgets, organisationMonthlyUsd: 100 } };
    const warning = route({ policy, messages: user(codeReview), budgets: { ...noBudget, organisation: { spentUsd: 85, limitUsd: 100 } } });
    expect(warning.budgetAlerts).toEqual([{ scope: "organisation", level: "warning", spentUsd: 85, limitUsd: 100 }]);
    expect(warning.tier).toBe("high");
    const nearlyGone = route({ policy, messages: user(codeReview), budgets: { ...noBudget, organisation: { spentUsd: 99.7, limitUsd: 100 } } });
    expect(nearlyGone.costCapUsd).toBeCloseTo(0.3);
    expect(nearlyGone.tier).toBe("medium");
    const exceeded = route({ policy, messages: user(codeReview), budgets: { ...noBudget, organisation: { spentUsd: 100, limitUsd: 100 } } });
    expect(exceeded.tier).toBe("low");
    expect(exceeded.reason).toMatch(/organisation budget used .*downgraded/);
    const stopPolicy: LlmPolicy = { ...policy, budgets: { ...policy.budgets, onExceeded: "stop" } };
    const stopped = route({ policy: stopPolicy, messages: user("hi"), budgets: { ...noBudget, organisation: { spentUsd: 120, limitUsd: 100 } } });
    expect(stopped.refusal).toMatchObject({ code: "budget_exceeded" });
  });

  it("applies the user's budget as well as the organisation's", () => {
    const policy: LlmPolicy = { ...DEFAULT_POLICY, budgets: { ...DEFAULT_POLICY.budgets, userMonthlyUsd: 10, onExceeded: "stop" } };
    const decision = route({ policy, budgets: { organisation: { spentUsd: 11, limitUsd: null }, user: { spentUsd: 10, limitUsd: 10 } } });
    expect(decision.refusal?.message).toMatch(/user's monthly model budget of \$10\.00/);
  });

  it("sends a named model to its provider, and refuses an unknown one", () => {
    expect(route({ model: "gpt-4o", messages: user(codeReview) })).toMatchObject({ tier: "named", chain: [{ provider: "openai", model: "gpt-4o" }] });
    expect(route({ model: "no-such-model" }).refusal?.code).toBe("unknown_model");
  });
});
