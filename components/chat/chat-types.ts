/** A stored chat message as the chat UI receives it (tRPC, superjson). */
export interface ChatMessage {
  id: string;
  seq: number;
  role: "user" | "assistant" | "tool" | "system";
  content: string;
  metadata: Record<string, unknown>;
  createdAt: Date | string;
}

export interface ToolCallView {
  id: string;
  toolId: string;
  input: Record<string, unknown>;
  result?: ChatMessage;
  awaitingApproval: boolean;
}

export type StreamEvent =
  | { type: "run_started"; runId: string }
  | { type: "text"; runId: string; turn: number; text: string }
  | { type: "tool_call"; runId: string; callId: string; toolId: string; input: Record<string, unknown> }
  | { type: "approval_required"; runId: string; callId: string; toolId: string; input: Record<string, unknown> }
  | { type: "tool_result"; runId: string; callId: string; status: string; durationMs: number }
  | { type: "message"; message: ChatMessage }
  | { type: "done"; runId: string }
  | { type: "error"; runId: string; message: string };
