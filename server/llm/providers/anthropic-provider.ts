import Anthropic from "@anthropic-ai/sdk";
import type {
  ContentBlockParam,
  MessageCreateParamsBase,
  MessageParam,
  StopReason,
  ToolChoice,
} from "@anthropic-ai/sdk/resources/messages/messages";
import type {
  LlmMessage,
  LlmProvider,
  LlmStopReason,
  LlmToolCall,
  LlmToolChoice,
  LlmUsage,
  ProviderCallRequest,
  ProviderCallResult,
} from "@/server/llm/llm-types";
import { ProviderError } from "@/server/llm/provider-error";
import { parseToolArguments, runProviderAttempt, type AttemptTracker } from "@/server/llm/providers/provider-attempt";

export interface AnthropicProviderConfig {
  id: string;
  label: string;
  apiKey: string;
  baseUrl?: string;
  models: readonly string[];
  /** The fetch the SDK uses: the outbound guard's for URLs a tenant entered. */
  fetch?: typeof fetch;
}

/** The Anthropic Messages API through the official SDK (its own retries off: the router retries). */
export function createAnthropicProvider(config: AnthropicProviderConfig): LlmProvider {
  const client = new Anthropic({ apiKey: config.apiKey, baseURL: config.baseUrl ?? null, maxRetries: 0, ...(config.fetch ? { fetch: config.fetch } : {}) });
  return {
    id: config.id,
    kind: "anthropic",
    label: config.label,
    models: config.models,
    call: (request) =>
      runProviderAttempt(request, (tracker) =>
        request.onDelta ? streamMessage(client, request, tracker) : createMessage(client, request, tracker),
      ),
  };
}

function toParams(request: ProviderCallRequest): MessageCreateParamsBase {
  return {
    model: request.model,
    max_tokens: request.maxOutputTokens,
    messages: request.messages.map(toMessageParam),
    ...(request.system ? { system: request.system } : {}),
    ...(request.tools?.length
      ? { tools: request.tools.map((tool) => ({ name: tool.name, description: tool.description, input_schema: { type: "object" as const, ...tool.inputSchema } })) }
      : {}),
    ...(request.tools?.length && request.toolChoice ? { tool_choice: toToolChoice(request.toolChoice) } : {}),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.stop?.length ? { stop_sequences: request.stop } : {}),
  };
}

function toMessageParam(message: LlmMessage): MessageParam {
  if (typeof message.content === "string") return { role: message.role, content: message.content };
  const blocks: ContentBlockParam[] = message.content.map((part) => {
    switch (part.type) {
      case "text":
        return { type: "text", text: part.text };
      case "image":
        return { type: "image", source: { type: "base64", media_type: part.mediaType as "image/png", data: part.data } };
      case "tool_call":
        return { type: "tool_use", id: part.id, name: part.name, input: part.input };
      case "tool_result":
        return { type: "tool_result", tool_use_id: part.toolCallId, content: part.content, is_error: part.isError ?? false };
    }
  });
  return { role: message.role, content: blocks };
}

function toToolChoice(choice: LlmToolChoice): ToolChoice {
  if (choice === "auto") return { type: "auto" };
  if (choice === "required") return { type: "any" };
  if (choice === "none") return { type: "none" };
  return { type: "tool", name: choice.name };
}

function toStopReason(reason: StopReason | null): LlmStopReason {
  if (reason === "max_tokens" || reason === "model_context_window_exceeded") return "max_tokens";
  if (reason === "tool_use" || reason === "stop_sequence" || reason === "refusal") return reason;
  return "end_turn";
}

async function createMessage(client: Anthropic, request: ProviderCallRequest, tracker: AttemptTracker): Promise<ProviderCallResult> {
  const message = await client.messages.create({ ...toParams(request), stream: false }, { signal: tracker.signal, timeout: request.timeoutMs });
  if (!Array.isArray(message?.content) || !message.usage) {
    throw new ProviderError("malformed", "The Anthropic response had no content or usage.");
  }
  const toolCalls: LlmToolCall[] = [];
  let text = "";
  for (const block of message.content) {
    if (block.type === "text") text += block.text;
    if (block.type === "tool_use") toolCalls.push({ id: block.id, name: block.name, input: (block.input ?? {}) as Record<string, unknown> });
  }
  return {
    text,
    toolCalls,
    usage: {
      inputTokens: message.usage.input_tokens,
      outputTokens: message.usage.output_tokens,
      cacheReadTokens: message.usage.cache_read_input_tokens ?? 0,
      cacheWriteTokens: message.usage.cache_creation_input_tokens ?? 0,
    },
    stopReason: toStopReason(message.stop_reason),
    model: message.model,
    timeToFirstTokenMs: null,
  };
}

async function streamMessage(client: Anthropic, request: ProviderCallRequest, tracker: AttemptTracker): Promise<ProviderCallResult> {
  const stream = await client.messages.create({ ...toParams(request), stream: true }, { signal: tracker.signal, timeout: request.timeoutMs });
  const usage: LlmUsage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };
  const tools = new Map<number, { id: string; name: string; json: string }>();
  let text = "";
  let model = request.model;
  let stopReason: StopReason | null = null;
  let stopped = false;
  for await (const event of stream) {
    switch (event.type) {
      case "message_start":
        model = event.message.model;
        usage.inputTokens = event.message.usage.input_tokens;
        usage.outputTokens = event.message.usage.output_tokens;
        usage.cacheReadTokens = event.message.usage.cache_read_input_tokens ?? 0;
        usage.cacheWriteTokens = event.message.usage.cache_creation_input_tokens ?? 0;
        break;
      case "content_block_start":
        if (event.content_block.type === "tool_use") {
          tools.set(event.index, { id: event.content_block.id, name: event.content_block.name, json: "" });
          tracker.emit({ type: "tool_call_start", id: event.content_block.id, name: event.content_block.name });
        }
        break;
      case "content_block_delta":
        if (event.delta.type === "text_delta") {
          text += event.delta.text;
          tracker.emit({ type: "text", text: event.delta.text });
        } else if (event.delta.type === "input_json_delta") {
          const tool = tools.get(event.index);
          if (tool) {
            tool.json += event.delta.partial_json;
            tracker.emit({ type: "tool_call_arguments", id: tool.id, argumentsDelta: event.delta.partial_json });
          }
        }
        break;
      case "message_delta":
        stopReason = event.delta.stop_reason ?? stopReason;
        usage.outputTokens = event.usage.output_tokens;
        if (event.usage.input_tokens !== null && event.usage.input_tokens !== undefined) usage.inputTokens = event.usage.input_tokens;
        if (event.usage.cache_read_input_tokens != null) usage.cacheReadTokens = event.usage.cache_read_input_tokens;
        if (event.usage.cache_creation_input_tokens != null) usage.cacheWriteTokens = event.usage.cache_creation_input_tokens;
        break;
      case "message_stop":
        stopped = true;
        break;
    }
  }
  if (!stopped) throw new ProviderError("connection", "The Anthropic stream ended before message_stop.");
  const toolCalls = [...tools.values()].map((tool) => ({ id: tool.id, name: tool.name, input: parseToolArguments(tool.json, tool.name) }));
  return { text, toolCalls, usage, stopReason: toStopReason(stopReason), model, timeToFirstTokenMs: tracker.timeToFirstTokenMs() };
}
