import type { StoredMessage } from "@/server/memory/conversation-memory";

/** What the browser receives live while an agent run works on a conversation. */
export type AgentStreamEvent =
  | { type: "run_started"; runId: string }
  | { type: "text"; runId: string; turn: number; text: string }
  | { type: "tool_call"; runId: string; callId: string; toolId: string; input: Record<string, unknown>; destructive: boolean }
  | { type: "approval_required"; runId: string; callId: string; toolId: string; input: Record<string, unknown> }
  | { type: "tool_result"; runId: string; callId: string; status: "succeeded" | "failed" | "denied"; durationMs: number }
  | { type: "message"; message: StoredMessage }
  | { type: "done"; runId: string }
  | { type: "error"; runId: string; message: string };

export function conversationChannel(organisationId: string, conversationId: string): string {
  return `conversation:${organisationId}:${conversationId}`;
}
