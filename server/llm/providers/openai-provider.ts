import OpenAI from "openai";
import type {
  ChatCompletionContentPart,
  ChatCompletionCreateParamsBase,
  ChatCompletionMessageParam,
  ChatCompletionToolChoiceOption,
} from "openai/resources/chat/completions";
import type { CompletionUsage } from "openai/resources/completions";
import type {
  LlmMessage,
  LlmProvider,
  LlmStopReason,
  LlmToolChoice,
  LlmUsage,
  ProviderCallRequest,
  ProviderCallResult,
} from "@/server/llm/llm-types";
import { ProviderError } from "@/server/llm/provider-error";
import { parseToolArguments, runProviderAttempt, type AttemptTracker } from "@/server/llm/providers/provider-attempt";

export interface OpenAiProviderConfig {
  id: string;
  label: string;
  apiKey: string;
  baseUrl?: string;
  models: readonly string[];
  /** The fetch the SDK uses: the outbound guard's for URLs a tenant entered. */
  fetch?: typeof fetch;
  /** OpenAI's own API wants `max_completion_tokens`; compatible servers (vLLM, Ollama, Together) `max_tokens`. */
  maxTokensParam: "max_tokens" | "max_completion_tokens";
}

/** OpenAI Chat Completions, and any OpenAI-compatible endpoint through a base URL, with the official SDK. */
export function createOpenAiProvider(config: OpenAiProviderConfig): LlmProvider {
  const client = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseUrl ?? null, maxRetries: 0, ...(config.fetch ? { fetch: config.fetch } : {}) });
  return {
    id: config.id,
    kind: "openai",
    label: config.label,
    models: config.models,
    call: (request) =>
      runProviderAttempt(request, (tracker) =>
        request.onDelta ? streamCompletion(client, config, request, tracker) : createCompletion(client, config, request, tracker),
      ),
  };
}

function toParams(config: OpenAiProviderConfig, request: ProviderCallRequest): ChatCompletionCreateParamsBase {
  const messages: ChatCompletionMessageParam[] = request.system ? [{ role: "system", content: request.system }] : [];
  for (const message of request.messages) messages.push(...toMessageParams(message));
  return {
    model: request.model,
    messages,
    [config.maxTokensParam]: request.maxOutputTokens,
    ...(request.tools?.length
      ? { tools: request.tools.map((tool) => ({ type: "function" as const, function: { name: tool.name, description: tool.description, parameters: tool.inputSchema } })) }
      : {}),
    ...(request.tools?.length && request.toolChoice ? { tool_choice: toToolChoice(request.toolChoice) } : {}),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.stop?.length ? { stop: request.stop } : {}),
  };
}

/** Tool results become `tool` messages of their own, placed before the rest of the user's turn. */
function toMessageParams(message: LlmMessage): ChatCompletionMessageParam[] {
  if (typeof message.content === "string") return [{ role: message.role, content: message.content }];
  const out: ChatCompletionMessageParam[] = [];
  if (message.role === "assistant") {
    const text = message.content.flatMap((part) => (part.type === "text" ? [part.text] : [])).join("");
    const toolCalls = message.content.flatMap((part) =>
      part.type === "tool_call" ? [{ id: part.id, type: "function" as const, function: { name: part.name, arguments: JSON.stringify(part.input) } }] : [],
    );
    out.push({ role: "assistant", content: text || null, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) });
    return out;
  }
  const parts: ChatCompletionContentPart[] = [];
  for (const part of message.content) {
    if (part.type === "tool_result") out.push({ role: "tool", tool_call_id: part.toolCallId, content: part.content });
    if (part.type === "text") parts.push({ type: "text", text: part.text });
    if (part.type === "image") parts.push({ type: "image_url", image_url: { url: `data:${part.mediaType};base64,${part.data}` } });
  }
  if (parts.length) out.push({ role: "user", content: parts });
  return out;
}

function toToolChoice(choice: LlmToolChoice): ChatCompletionToolChoiceOption {
  return typeof choice === "string" ? choice : { type: "function", function: { name: choice.name } };
}

function toStopReason(reason: string | null | undefined): LlmStopReason {
  if (reason === "length") return "max_tokens";
  if (reason === "tool_calls" || reason === "function_call") return "tool_use";
  if (reason === "content_filter") return "refusal";
  return "end_turn";
}

function toUsage(usage: CompletionUsage | null | undefined): LlmUsage {
  const cached = usage?.prompt_tokens_details?.cached_tokens ?? 0;
  const written = usage?.prompt_tokens_details?.cache_write_tokens ?? 0;
  return {
    inputTokens: Math.max(0, (usage?.prompt_tokens ?? 0) - cached - written),
    outputTokens: usage?.completion_tokens ?? 0,
    cacheReadTokens: cached,
    cacheWriteTokens: written,
  };
}

async function createCompletion(
  client: OpenAI,
  config: OpenAiProviderConfig,
  request: ProviderCallRequest,
  tracker: AttemptTracker,
): Promise<ProviderCallResult> {
  const completion = await client.chat.completions.create({ ...toParams(config, request), stream: false }, { signal: tracker.signal, timeout: request.timeoutMs });
  const choice = Array.isArray(completion?.choices) ? completion.choices[0] : undefined;
  if (!choice?.message) throw new ProviderError("malformed", "The chat completion had no choices.");
  const toolCalls = (choice.message.tool_calls ?? []).flatMap((call) =>
    call.type === "function" ? [{ id: call.id, name: call.function.name, input: parseToolArguments(call.function.arguments, call.function.name) }] : [],
  );
  return {
    text: choice.message.content ?? "",
    toolCalls,
    usage: toUsage(completion.usage),
    stopReason: toStopReason(choice.finish_reason),
    model: completion.model ?? request.model,
    timeToFirstTokenMs: null,
  };
}

async function streamCompletion(
  client: OpenAI,
  config: OpenAiProviderConfig,
  request: ProviderCallRequest,
  tracker: AttemptTracker,
): Promise<ProviderCallResult> {
  const stream = await client.chat.completions.create(
    { ...toParams(config, request), stream: true, stream_options: { include_usage: true } },
    { signal: tracker.signal, timeout: request.timeoutMs },
  );
  const tools = new Map<number, { id: string; name: string; json: string }>();
  let text = "";
  let model = request.model;
  let finishReason: string | null = null;
  let usage: CompletionUsage | null | undefined;
  for await (const chunk of stream) {
    model = chunk.model || model;
    if (chunk.usage) usage = chunk.usage;
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    if (choice.delta?.content) {
      text += choice.delta.content;
      tracker.emit({ type: "text", text: choice.delta.content });
    }
    for (const call of choice.delta?.tool_calls ?? []) {
      let tool = tools.get(call.index);
      if (!tool) {
        tool = { id: call.id ?? `call_${call.index}`, name: call.function?.name ?? "", json: "" };
        tools.set(call.index, tool);
        tracker.emit({ type: "tool_call_start", id: tool.id, name: tool.name });
      }
      if (call.function?.arguments) {
        tool.json += call.function.arguments;
        tracker.emit({ type: "tool_call_arguments", id: tool.id, argumentsDelta: call.function.arguments });
      }
    }
    finishReason = choice.finish_reason ?? finishReason;
  }
  if (finishReason === null) throw new ProviderError("connection", "The chat completion stream ended without a finish reason.");
  const toolCalls = [...tools.values()].map((tool) => ({ id: tool.id, name: tool.name, input: parseToolArguments(tool.json, tool.name) }));
  return { text, toolCalls, usage: toUsage(usage), stopReason: toStopReason(finishReason), model, timeToFirstTokenMs: tracker.timeToFirstTokenMs() };
}
