import "server-only";
import { randomUUID } from "node:crypto";
import type { Caller } from "@/server/auth/caller";
import { errorResponse, toAppError } from "@/server/http/error-response";
import { readJsonBody } from "@/server/http/read-json-body";
import { openAiChatRequestSchema } from "@/server/llm/gateway/openai-chat-schema";
import { translateOpenAiRequest } from "@/server/llm/gateway/translate-openai-request";
import type { LlmDelta, LlmStopReason, LlmUsage } from "@/server/llm/llm-types";
import type { LlmRouter, RouteChatResult } from "@/server/llm/llm-router";

const FINISH_REASON: Record<LlmStopReason, string> = { end_turn: "stop", stop_sequence: "stop", max_tokens: "length", tool_use: "tool_calls", refusal: "content_filter" };

const toUsage = (usage: LlmUsage) => {
  const prompt = usage.inputTokens + usage.cacheReadTokens + usage.cacheWriteTokens;
  return { prompt_tokens: prompt, completion_tokens: usage.outputTokens, total_tokens: prompt + usage.outputTokens, prompt_tokens_details: { cached_tokens: usage.cacheReadTokens } };
};

/** Header values must be ASCII; the route reason uses an arrow and may quote model output. */
const ascii = (text: string) => text.replace(/→/g, "->").replace(/[^\x20-\x7e]/g, "?").slice(0, 1_000);

function routeHeaders(result: RouteChatResult): Record<string, string> {
  return {
    "x-candlefish-provider": result.provider,
    "x-candlefish-model": result.model,
    "x-candlefish-cost-usd": result.costUsd.toFixed(8),
    "x-candlefish-route-reason": ascii(result.decision.reason),
  };
}

/**
 * The OpenAI-compatible gateway: any OpenAI client can send Chat Completions through Candlefish's routing,
 * budgets and accounting. `model: "auto"` routes by policy; a named model goes to its provider.
 */
export async function handleChatCompletions(request: Request, caller: Caller, router: LlmRouter): Promise<Response> {
  const body = await readJsonBody(request, openAiChatRequestSchema);
  const routed = { ...translateOpenAiRequest(body), organisationId: caller.organisationId, userId: caller.userId, source: "gateway" as const, signal: request.signal };
  const id = `chatcmpl-cf-${randomUUID()}`;
  const created = Math.floor(Date.now() / 1000);
  if (!body.stream) {
    const result = await router.routeChat(routed);
    const toolCalls = result.toolCalls.map((call) => ({ id: call.id, type: "function", function: { name: call.name, arguments: JSON.stringify(call.input) } }));
    const completion = {
      id,
      object: "chat.completion",
      created,
      model: result.model,
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: result.text || (toolCalls.length ? null : ""), refusal: null, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) },
          finish_reason: FINISH_REASON[result.stopReason],
          logprobs: null,
        },
      ],
      usage: toUsage(result.usage),
    };
    return Response.json(completion, { headers: routeHeaders(result) });
  }
  return streamCompletion(router, routed, { id, created, model: body.model, includeUsage: body.stream_options?.include_usage === true });
}

async function streamCompletion(
  router: LlmRouter,
  routed: Parameters<LlmRouter["routeChat"]>[0],
  meta: { id: string; created: number; model: string; includeUsage: boolean },
): Promise<Response> {
  const encoder = new TextEncoder();
  const frame = (payload: unknown) => encoder.encode(`data: ${typeof payload === "string" ? payload : JSON.stringify(payload)}\n\n`);
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null, model = meta.model) => ({
    id: meta.id,
    object: "chat.completion.chunk",
    created: meta.created,
    model,
    choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }],
  });
  const toolIndexes = new Map<string, number>();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  let started = false;
  let markStarted!: () => void;
  const firstOutput = new Promise<void>((resolve) => (markStarted = resolve));

  const onDelta = (delta: LlmDelta) => {
    if (!started) {
      started = true;
      controller.enqueue(frame(chunk({ role: "assistant", content: "" })));
      markStarted();
    }
    if (delta.type === "text") controller.enqueue(frame(chunk({ content: delta.text })));
    else if (delta.type === "tool_call_start") {
      const index = toolIndexes.size;
      toolIndexes.set(delta.id, index);
      controller.enqueue(frame(chunk({ tool_calls: [{ index, id: delta.id, type: "function", function: { name: delta.name, arguments: "" } }] })));
    } else {
      controller.enqueue(frame(chunk({ tool_calls: [{ index: toolIndexes.get(delta.id) ?? 0, function: { arguments: delta.argumentsDelta } }] })));
    }
  };
  const finished = router.routeChat({ ...routed, onDelta }).then(
    (result) => {
      if (!started) onDelta({ type: "text", text: "" });
      controller.enqueue(frame(chunk({}, FINISH_REASON[result.stopReason], result.model)));
      if (meta.includeUsage) controller.enqueue(frame({ id: meta.id, object: "chat.completion.chunk", created: meta.created, model: result.model, choices: [], usage: toUsage(result.usage) }));
      controller.enqueue(frame("[DONE]"));
      controller.close();
      return { ok: true as const, result };
    },
    (error: unknown) => {
      if (started) {
        const appError = toAppError(error);
        controller.enqueue(frame({ error: { code: appError.code, message: appError.message } }));
        controller.close();
      }
      return { ok: false as const, error };
    },
  );
  // Wait for the first token or the end, so a call that fails before any output gets a proper error status.
  const outcome = await Promise.race([firstOutput.then(() => undefined), finished]);
  if (outcome && !outcome.ok) return errorResponse(outcome.error);
  const headers: Record<string, string> = { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive" };
  if (outcome?.ok) Object.assign(headers, routeHeaders(outcome.result));
  return new Response(body, { headers });
}
