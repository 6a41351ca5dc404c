import type { LlmContentPart, LlmMessage, LlmToolCall } from "@/server/llm/llm-types";
import type { StoredMessage } from "@/server/memory/conversation-memory";

export interface AssistantMetadata {
  toolCalls?: LlmToolCall[];
}

export interface ToolMessageMetadata {
  toolCallId: string;
  isError?: boolean;
}

/**
 * Conversation memory as the model sees it: assistant turns carry their tool calls, tool results are user
 * turns of tool_result parts (consecutive ones merged), and a window that starts mid-exchange is trimmed to
 * its first plain user message so no tool result lacks its call.
 */
export function toLlmMessages(stored: StoredMessage[]): LlmMessage[] {
  const firstUser = stored.findIndex((message) => message.role === "user");
  const messages: LlmMessage[] = [];
  for (const message of firstUser < 0 ? [] : stored.slice(firstUser)) {
    if (message.role === "user") messages.push({ role: "user", content: message.content });
    else if (message.role === "assistant") {
      const calls = (message.metadata as AssistantMetadata).toolCalls ?? [];
      const parts: LlmContentPart[] = message.content ? [{ type: "text", text: message.content }] : [];
      for (const call of calls) parts.push({ type: "tool_call", id: call.id, name: call.name, input: call.input });
      messages.push({ role: "assistant", content: calls.length ? parts : message.content });
    } else if (message.role === "tool") {
      const metadata = message.metadata as unknown as ToolMessageMetadata;
      const part: LlmContentPart = { type: "tool_result", toolCallId: metadata.toolCallId, content: message.content, isError: metadata.isError };
      const previous = messages.at(-1);
      if (previous?.role === "user" && Array.isArray(previous.content) && previous.content.every((p) => p.type === "tool_result")) previous.content.push(part);
      else messages.push({ role: "user", content: [part] });
    }
  }
  return messages;
}
