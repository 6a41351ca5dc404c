import "server-only";
import { AGENT_SYSTEM_PROMPT, MODEL_STEP_TIMEOUT_MS, type AgentDependencies } from "@/server/agent/agent-dependencies";
import type { ChainStep, ChainStepResult } from "@/server/agent/chains/agent-chain-schema";
import type { LlmContentPart, LlmMessage, LlmTool } from "@/server/llm/llm-types";
import { ToolCallError } from "@/server/tools/tool-errors";
import { toolNameFor } from "@/server/tools/tool-name";

/** Model turns one chain step may take (tool calls in between); the last one must answer. */
export const MAX_TURNS_PER_CHAIN_STEP = 4;
const MAX_RESULT_CHARS = 20_000;
const MAX_CONTEXT_CHARS_PER_RESULT = 4_000;

export interface ChainScope {
  organisationId: string;
  userId?: string;
  runId: string;
}

const CHAIN_INSTRUCTIONS =
  "You are running one step of an automated chain: nobody reads your answer until the chain ends, so answer the task itself, concisely, without asking questions.";

/** The chain's input and the earlier steps' results, as the step's model sees them. */
export function chainContext(input: string, earlier: readonly ChainStepResult[]): string {
  const lines = [`Chain input:\n${input || "(none)"}`];
  for (const result of earlier) {
    if (result.status === "skipped") continue;
    const body = result.status === "failed" ? `FAILED: ${result.error ?? "unknown error"}` : result.output.slice(0, MAX_CONTEXT_CHARS_PER_RESULT);
    lines.push(`Result of step "${result.id}":\n${body}`);
  }
  return lines.join("\n\n");
}

/**
 * One agent step of a chain: the step's prompt after the chain's context, answered through the router, with
 * the organisation's non-destructive tools (executed here, a few turns at most). Throws when the model
 * cannot be reached, so the durable step retries and, finally, the chain takes its onFailure branch.
 */
export async function runChainStep(deps: AgentDependencies, scope: ChainScope, step: ChainStep, input: string, earlier: readonly ChainStepResult[]): Promise<ChainStepResult> {
  const offered = step.tools !== false ? (await deps.tools.discover(step.prompt, 5)).filter((tool) => !tool.destructive) : [];
  const offeredIds = new Set(offered.map((tool) => tool.id));
  const tools: LlmTool[] = offered.map((tool) => ({ name: toolNameFor(tool.id), description: tool.description, inputSchema: tool.inputJsonSchema }));
  const messages: LlmMessage[] = [{ role: "user", content: `${chainContext(input, earlier)}\n\nYour task:\n${step.prompt}` }];
  const toolCalls: ChainStepResult["toolCalls"] = [];
  let costUsd = 0;
  for (let turn = 0; turn < MAX_TURNS_PER_CHAIN_STEP; turn += 1) {
    const lastTurn = turn === MAX_TURNS_PER_CHAIN_STEP - 1;
    const result = await deps.router.routeChat({
      organisationId: scope.organisationId,
      userId: scope.userId,
      runId: scope.runId,
      stepId: `chain-${step.id}-${turn}`,
      model: step.model,
      system: `${AGENT_SYSTEM_PROMPT} ${CHAIN_INSTRUCTIONS}`,
      messages,
      tools: tools.length && !lastTurn ? tools : undefined,
      signal: AbortSignal.timeout(MODEL_STEP_TIMEOUT_MS),
    });
    costUsd += result.costUsd;
    if (result.toolCalls.length === 0) return { id: step.id, status: "succeeded", output: result.text, model: result.model, costUsd, toolCalls };
    const parts: LlmContentPart[] = result.text ? [{ type: "text", text: result.text }] : [];
    const results: LlmContentPart[] = [];
    for (const call of result.toolCalls) {
      parts.push({ type: "tool_call", id: call.id, name: call.name, input: call.input });
      // Resolved by whichever name the model used; only the offered (non-destructive) tools may run.
      const resolved = deps.tools.resolve(call.name);
      const tool = resolved && offeredIds.has(resolved.id) && !resolved.destructive ? resolved : undefined;
      let content: string;
      let failed = false;
      try {
        if (!tool) throw new Error(`No tool named ${call.name} is offered in this step.`);
        content = JSON.stringify(await deps.tools.execute(tool.id, call.input, { organisationId: scope.organisationId, userId: scope.userId, runId: scope.runId })).slice(0, MAX_RESULT_CHARS);
        costUsd += tool.costUsd;
      } catch (error) {
        failed = true;
        content = error instanceof ToolCallError ? `${error.kind}: ${error.message}` : `error: ${error instanceof Error ? error.message : String(error)}`;
      }
      toolCalls.push({ toolId: tool?.id ?? call.name, status: failed ? "failed" : "succeeded" });
      results.push({ type: "tool_result", toolCallId: call.id, content, isError: failed });
    }
    messages.push({ role: "assistant", content: parts }, { role: "user", content: results });
  }
  throw new Error(`Step "${step.id}" did not answer within ${MAX_TURNS_PER_CHAIN_STEP} model turns.`);
}
