/**
 * The one internal shape of a model call, identical across providers. Provider adapters translate to and from
 * the Anthropic Messages and OpenAI Chat Completions wire formats; nothing else sees a provider's types.
 */
export type LlmContentPart =
  | { type: "text"; text: string }
  | { type: "image"; mediaType: string; data: string }
  | { type: "tool_call"; id: string; name: string; input: Record<string, unknown> }
  | { type: "tool_result"; toolCallId: string; content: string; isError?: boolean };

export interface LlmMessage {
  role: "user" | "assistant";
  content: string | LlmContentPart[];
}

export interface LlmTool {
  name: string;
  description: string;
  /** JSON Schema of the tool's input object. */
  inputSchema: Record<string, unknown>;
}

export type LlmToolChoice = "auto" | "required" | "none" | { name: string };

export interface LlmToolCall {
  id: string;
  name: string;
  input: Record<string, unknown>;
}

export interface LlmUsage {
  /** Input tokens billed at the full rate (excluding cache reads and writes). */
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

export type LlmStopReason = "end_turn" | "max_tokens" | "tool_use" | "stop_sequence" | "refusal";

export type LlmDelta =
  | { type: "text"; text: string }
  | { type: "tool_call_start"; id: string; name: string }
  | { type: "tool_call_arguments"; id: string; argumentsDelta: string };

/** What a provider adapter is asked to do: one attempt on one model, no retries or fallback. */
export interface ProviderCallRequest {
  model: string;
  system?: string;
  messages: LlmMessage[];
  tools?: LlmTool[];
  toolChoice?: LlmToolChoice;
  maxOutputTokens: number;
  temperature?: number;
  stop?: string[];
  timeoutMs: number;
  signal?: AbortSignal;
  /** When present the call streams and every delta is passed here as it arrives. */
  onDelta?: (delta: LlmDelta) => void;
}

export interface ProviderCallResult {
  text: string;
  toolCalls: LlmToolCall[];
  usage: LlmUsage;
  stopReason: LlmStopReason;
  /** The model the provider says answered (may carry a dated suffix). */
  model: string;
  timeToFirstTokenMs: number | null;
}

export type ProviderKind = "anthropic" | "openai" | "offline";

export interface LlmProvider {
  /** "anthropic", "openai", "together", "offline", or "endpoint:<id>" for endpoints added by an admin. */
  id: string;
  kind: ProviderKind;
  label: string;
  /** Models this provider is known to serve, for resolving a named model in the gateway. */
  models: readonly string[];
  call(request: ProviderCallRequest): Promise<ProviderCallResult>;
}

export const EMPTY_USAGE: LlmUsage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };

export function messageText(message: LlmMessage): string {
  if (typeof message.content === "string") return message.content;
  return message.content
    .map((part) => (part.type === "text" ? part.text : part.type === "tool_result" ? part.content : ""))
    .join("\n");
}
