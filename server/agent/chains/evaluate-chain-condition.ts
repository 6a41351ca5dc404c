import type { ChainCondition, ChainStepResult } from "@/server/agent/chains/agent-chain-schema";

/** Whether a step's `when` holds, given the results so far (a step that never ran counts as skipped with no output). */
export function evaluateChainCondition(condition: ChainCondition, results: readonly ChainStepResult[]): boolean {
  const result = results.find((candidate) => candidate.id === condition.step);
  const status = result?.status ?? "skipped";
  const output = result?.output ?? "";
  const tests: boolean[] = [];
  if (condition.status) tests.push(status === condition.status);
  if (condition.contains !== undefined) tests.push(output.toLowerCase().includes(condition.contains.toLowerCase()));
  if (condition.equals !== undefined) tests.push(output.trim() === condition.equals.trim());
  if (condition.matches !== undefined) tests.push(new RegExp(condition.matches, "i").test(output));
  // A bare condition ({ step }) asks whether that step succeeded.
  const holds = tests.length === 0 ? status === "succeeded" : tests.every(Boolean);
  return condition.not ? !holds : holds;
}
