import "server-only";
import type { AgentDependencies, AgentRunScope } from "@/server/agent/agent-dependencies";
import { conversationChannel, type AgentStreamEvent } from "@/server/agent/agent-events";
import type { PlannedToolCall } from "@/server/agent/plan-tool-calls";
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
 * The tool is resolved again here: one that is destructive now but was not when the call was planned (the
 * organisation's tools changed in between) is not run, since nobody approved it.
 */
export async function runToolCall(deps: AgentDependencies, scope: AgentRunScope, call: PlannedToolCall, approved = true): Promise<ToolCallOutcome> {
  const publish = (event: AgentStreamEvent) => deps.bus.publish(conversationChannel(scope.organisationId, scope.conversationId), event);
  const started = performance.now();
  const tool = deps.tools.resolve(call.toolId);
  const toolId = tool?.id ?? call.toolId;
  let status: ToolCallOutcome["status"] = "succeeded";
  let content: string;
  let output: unknown;
  if (!approved) {
    status = "denied";
    content = "The user denied this action; it was not performed. Do not retry it unless they ask.";
  } else if (tool?.destructive && !call.destructive) {
    status = "failed";
    content = `${tool.name} changes data outside Candlefish and was not approved; it was not performed. Call it again to ask the user.`;
  } else {
    try {
      output = await deps.tools.execute(toolId, call.input, { organisationId: scope.organisationId, userId: scope.userId, runId: scope.runId });
      content = JSON.stringify(output).slice(0, MAX_RESULT_CHARS);
    } catch (error) {
      status = "failed";
      content = error instanceof ToolCallError ? `${error.kind}: ${error.message}` : `error: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  const durationMs = Math.round(performance.now() - started);
  const costUsd = status === "succeeded" ? (tool?.costUsd ?? 0) : 0;
  const stored = await deps.memory.append(scope.organisationId, scope.conversationId, {
    id: toolResultMessageId(scope.runId, call.id),
    role: "tool",
    content,
    metadata: { runId: scope.runId, toolCallId: call.id, toolId, input: call.input, status, durationMs, costUsd, isError: status !== "succeeded" },
  });
  await publish({ type: "tool_result", runId: scope.runId, callId: call.id, status, durationMs });
  await publish({ type: "message", message: stored });
  return { callId: call.id, toolId, status, durationMs, costUsd };
}

/** The id of the message holding a call's result (or its denial): a call has at most one. */
export function toolResultMessageId(runId: string, callId: string): string {
  return `${runId}:tool:${callId}`;
}
