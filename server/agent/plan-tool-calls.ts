import "server-only";
import { randomBytes } from "node:crypto";
import type { LlmToolCall } from "@/server/llm/llm-types";
import type { ToolRegistry } from "@/server/tools/tool-registry";

export interface PlannedToolCall {
  /**
   * The server's id for the call, unguessable (never the provider's, which may be missing, repeated or chosen by
   * the model): it names the call's durable steps, its stored result and its approval, and replaces the
   * provider's id in the stored conversation.
   */
  id: string;
  toolId: string;
  input: Record<string, unknown>;
  destructive: boolean;
}

export function newToolCallId(): string {
  return `call_${randomBytes(16).toString("hex")}`;
}

/**
 * The one place a model's tool call becomes a call of a registered tool. The tool is resolved from whichever
 * name the model used (registry id or function name), and whether the call needs approval is the resolved
 * tool's own flag. A name that resolves to nothing keeps the name, and fails as not found when it runs.
 */
export function planToolCall(tools: ToolRegistry, call: LlmToolCall): PlannedToolCall {
  const tool = tools.resolve(call.name);
  return { id: call.id, toolId: tool?.id ?? call.name, input: call.input, destructive: tool?.destructive ?? false };
}
