import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { chainConditionSchema, type ChainStepResult } from "@/server/agent/chains/agent-chain-schema";
import { evaluateChainCondition } from "@/server/agent/chains/evaluate-chain-condition";

const result = (id: string, status: ChainStepResult["status"], output = ""): ChainStepResult => ({ id, status, output, costUsd: 0, toolCalls: [] });
const results = [result("classify", "succeeded", "Category: Billing\nUrgent: yes"), result("fetch", "failed"), result("maybe", "skipped")];

describe("evaluateChainCondition", () => {
  it("treats a bare condition as 'that step succeeded'", () => {
    expect(evaluateChainCondition({ step: "classify" }, results)).toBe(true);
    expect(evaluateChainCondition({ step: "fetch" }, results)).toBe(false);
    expect(evaluateChainCondition({ step: "maybe" }, results)).toBe(false);
  });

  it("tests status, case-insensitive contains, exact equals and regular expressions, all of which must hold", () => {
    expect(evaluateChainCondition({ step: "fetch", status: "failed" }, results)).toBe(true);
    expect(evaluateChainCondition({ step: "classify", contains: "urgent: YES" }, results)).toBe(true);
    expect(evaluateChainCondition({ step: "classify", equals: "Category: Billing" }, results)).toBe(false);
    expect(evaluateChainCondition({ step: "classify", matches: "^category: (billing|refunds)$" }, results)).toBe(false);
    expect(evaluateChainCondition({ step: "classify", matches: "^category: (billing|refunds)", contains: "urgent" }, results)).toBe(true);
    expect(evaluateChainCondition({ step: "classify", matches: "billing", contains: "shipping" }, results)).toBe(false);
  });

  it("inverts with not, and counts a step that never ran as skipped", () => {
    expect(evaluateChainCondition({ step: "classify", contains: "urgent", not: true }, results)).toBe(false);
    expect(evaluateChainCondition({ step: "later", status: "skipped" }, results)).toBe(true);
  });
});

describe("condition patterns (linear time)", () => {
  /** Runs the evaluation where a stall is interrupted after 5 s instead of freezing the test process. */
  const evaluateOrStall = (pattern: string, output: string) =>
    vm.runInNewContext("evaluate({ step: 'answer', matches: pattern }, [result])", { evaluate: evaluateChainCondition, pattern, result: result("answer", "succeeded", output) }, { timeout: 5_000 }) as boolean;

  it("matches the review's catastrophic pattern against hostile model output without stalling", () => {
    expect(evaluateOrStall("^(a+)+$", `${"a".repeat(28)}!`)).toBe(false);
    expect(evaluateOrStall("^(a|a)*$", `${"a".repeat(50_000)}!`)).toBe(false);
    expect(evaluateOrStall("(\\w+\\s?)*$", `${"word ".repeat(10_000)}!`)).toBe(true);
    expect(evaluateOrStall("^(a+)+$", "a".repeat(50_000))).toBe(true);
  });

  it("refuses, when the chain is defined, patterns that need backtracking or are too large, saying why", () => {
    const refusal = (matches: string) => {
      const parsed = chainConditionSchema.safeParse({ step: "answer", matches });
      return parsed.success ? undefined : parsed.error.issues[0]?.message;
    };
    expect(refusal("(yes|approve)d?")).toBeUndefined();
    expect(refusal("(a+)\\1")).toMatch(/^Not a pattern a condition can use: invalid escape sequence.*RE2 syntax: no backreferences or lookaround/);
    expect(refusal("urgent(?=: yes)")).toMatch(/RE2 syntax/);
    expect(refusal("[a-z]{2,1000}")).toMatch(/too complex/);
    expect(refusal("(unclosed")).toMatch(/missing closing \)/);
  });
});
