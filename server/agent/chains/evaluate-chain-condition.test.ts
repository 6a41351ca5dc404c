import { describe, expect, it } from "vitest";
import type { ChainStepResult } from "@/server/agent/chains/agent-chain-schema";
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
