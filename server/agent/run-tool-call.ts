import "server-only";
import type { AgentDependencies, AgentRunScope } from "@/server/agent/agent-dependencies";
import { conversationChannel, type AgentStreamEvent } from "@/server/agent/agent-events";
import type { PlannedToolCall } from "@/server/agent/run-model-turn";
import { ToolCallError } from "@/server/tools/tool-errors";

const MAX_RESULT_CHARS = 20_000;

export interface ToolCallOutcome {
  callId: string;
  toolId: string;
  status: "succeeded" | "failed" | "denied";
  durationMs: number;
  costUsd: number;
}

/**
 * Runs one tool call (or records that the user denied it), stores its result as a tool message the model
 * reads next turn, and publishes the outcome. Tool failures become results the model can explain, not crashes.
 */
export async function runToolCall(deps: AgentDependencies, scope: AgentRunScope, call: PlannedToolCall, approved = true): Promise<ToolCallOutcome> {
  const publish = (event: AgentStreamEvent) => deps.bus.publish(conversationChannel(scope.organisationId, scope.conversationId), event);
  const started = performance.now();
  let status: ToolCallOutcome["status"] = "succeeded";
  let content: string;
  let output: unknown;
  if (!approved) {
    status = "denied";
    content = "The user denied this action; it was not performed. Do not retry it unless they ask.";
  } else {
    try {
      output = await deps.tools.execute(call.toolId, call.input, { organisationId: scope.organisationId, userId: scope.userId, runId: scope.runId });
      content = JSON.stringify(output).slice(0, MAX_RESULT_CHARS);
    } catch (error) {
      status = "failed";
      content = error instanceof ToolCallError ? `${error.kind}: ${error.message}` : `error: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  const durationMs = Math.round(performance.now() - started);
  const costUsd = status === "succeeded" ? (deps.tools.get(call.toolId)?.costUsd ?? 0) : 0;
  const stored = await deps.memory.append(scope.organisationId, scope.conversationId, {
    id: `${scope.runId}:tool:${call.id}`,
    role: "tool",
    content,
    metadata: { runId: scope.runId, toolCallId: call.id, toolId: call.toolId, input: call.input, status, durationMs, costUsd, isError: status !== "succeeded" },
  });
  await publish({ type: "tool_result", runId: scope.runId, callId: call.id, status, durationMs });
  await publish({ type: "message", message: stored });
  return { callId: call.id, toolId: call.toolId, status, durationMs, costUsd };
}
