import "server-only";
import { AGENT_SYSTEM_PROMPT, MODEL_STEP_TIMEOUT_MS, type AgentDependencies, type AgentRunScope } from "@/server/agent/agent-dependencies";
import { conversationChannel, type AgentStreamEvent } from "@/server/agent/agent-events";
import { withHistorySummary } from "@/server/agent/summarise-history";
import { newToolCallId, planToolCall, type PlannedToolCall } from "@/server/agent/plan-tool-calls";
import { toLlmMessages, type AssistantMetadata } from "@/server/agent/to-llm-messages";
import type { LlmTool } from "@/server/llm/llm-types";
import { messageText } from "@/server/llm/llm-types";
import { toolNameFor } from "@/server/tools/tool-name";

export interface ModelTurnResult {
  messageId: string;
  text: string;
  toolCalls: PlannedToolCall[];
  model: string;
  provider: string;
  costUsd: number;
}

/**
 * One model turn: the summary of the older conversation and its recent window, the tools most relevant to the latest question, a routed
 * model call whose tokens are published as they arrive, and the assistant message stored once (by its id).
 */
export async function runModelTurn(deps: AgentDependencies, scope: AgentRunScope, turn: number, options: { maxCost?: number; summary?: string | null } = {}): Promise<ModelTurnResult> {
  const publish = (event: AgentStreamEvent) => deps.bus.publish(conversationChannel(scope.organisationId, scope.conversationId), event);
  const window = await deps.memory.window(scope.organisationId, scope.conversationId);
  const messages = toLlmMessages(window);
  const question = [...messages].reverse().find((message) => message.role === "user" && typeof message.content === "string");
  const offered = await deps.tools.discover(question ? messageText(question) : "", 5);
  const tools: LlmTool[] = offered.map((tool) => ({ name: toolNameFor(tool.id), description: tool.description, inputSchema: tool.inputJsonSchema }));

  const result = await deps.router.routeChat({
    organisationId: scope.organisationId,
    userId: scope.userId,
    conversationId: scope.conversationId,
    runId: scope.runId,
    stepId: `model-turn-${turn}`,
    system: withHistorySummary(AGENT_SYSTEM_PROMPT, options.summary),
    messages,
    tools: tools.length ? tools : undefined,
    maxCost: options.maxCost,
    signal: AbortSignal.timeout(MODEL_STEP_TIMEOUT_MS),
    onDelta: (delta) => {
      if (delta.type === "text") void publish({ type: "text", runId: scope.runId, turn, text: delta.text });
    },
  });

  const calls = result.toolCalls.map((call) => ({ ...call, id: newToolCallId() }));
  const planned = calls.map((call) => planToolCall(deps.tools, call));
  const stored = await deps.memory.append(scope.organisationId, scope.conversationId, {
    id: `${scope.runId}:turn:${turn}`,
    role: "assistant",
    content: result.text,
    metadata: {
      runId: scope.runId,
      model: result.model,
      provider: result.provider,
      costUsd: result.costUsd,
      toolCalls: calls,
      toolIds: Object.fromEntries(planned.map((call) => [call.id, call.toolId])),
      needsApproval: planned.filter((call) => call.destructive).map((call) => call.id),
    } satisfies AssistantMetadata & Record<string, unknown>,
  });
  await publish({ type: "message", message: stored });
  // A retried step finds its turn already stored: the calls (and ids) the conversation holds are the ones to run.
  const toolCalls = ((stored.metadata as AssistantMetadata).toolCalls ?? []).map((call) => planToolCall(deps.tools, call));
  return { messageId: stored.id, text: stored.content, toolCalls, model: result.model, provider: result.provider, costUsd: result.costUsd };
}
