import type { ChainCondition, ChainStepResult } from "@/server/agent/chains/agent-chain-schema";
import { compileConditionPattern } from "@/server/agent/chains/compile-condition-pattern";

/** Whether a step's `when` holds, given the results so far (a step that never ran counts as skipped with no output). */
export function evaluateChainCondition(condition: ChainCondition, results: readonly ChainStepResult[]): boolean {
  const result = results.find((candidate) => candidate.id === condition.step);
  const status = result?.status ?? "skipped";
  const output = result?.output ?? "";
  const tests: boolean[] = [];
  if (condition.status) tests.push(status === condition.status);
  if (condition.contains !== undefined) tests.push(output.toLowerCase().includes(condition.contains.toLowerCase()));
  if (condition.equals !== undefined) tests.push(output.trim() === condition.equals.trim());
  if (condition.matches !== undefined) tests.push(matchesPattern(condition.matches, output));
  // A bare condition ({ step }) asks whether that step succeeded.
  const holds = tests.length === 0 ? status === "succeeded" : tests.every(Boolean);
  return condition.not ? !holds : holds;
}

function matchesPattern(pattern: string, output: string): boolean {
  const compiled = compileConditionPattern(pattern);
  if (!compiled.ok) throw new Error(`The condition's pattern cannot be used: ${compiled.reason}.`);
  return compiled.regex.test(output);
}
