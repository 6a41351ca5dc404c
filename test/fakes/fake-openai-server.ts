import { fakeTokenCount, startFakeLlmServer, type FakeLlmServer, type FakeReply, type FakeServerOptions } from "@/test/fakes/fake-llm-server";

type Reply = FakeReply & { text: string };

const data = (payload: unknown) => `data: ${typeof payload === "string" ? payload : JSON.stringify(payload)}\n\n`;

function usageOf(reply: Reply, body: Record<string, unknown>) {
  const cached = reply.usage?.cacheRead ?? 0;
  const prompt = (reply.usage?.input ?? fakeTokenCount([body.messages, body.tools])) + cached;
  const completion = reply.usage?.output ?? fakeTokenCount([reply.text, reply.toolCalls]);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion, prompt_tokens_details: { cached_tokens: cached } };
}

const finishReasonOf = (reply: Reply) =>
  reply.stopReason === "max_tokens" ? "length" : reply.toolCalls?.length || reply.stopReason === "tool_use" ? "tool_calls" : "stop";

const toolCallsOf = (reply: Reply) =>
  (reply.toolCalls ?? []).map((call, index) => ({ id: call.id ?? `call_${index}`, type: "function", function: { name: call.name, arguments: JSON.stringify(call.input) } }));

/** A local server speaking the OpenAI Chat Completions API (`POST /v1/chat/completions`), JSON and SSE. */
export function startFakeOpenAiServer(options: FakeServerOptions = {}): Promise<FakeLlmServer> {
  return startFakeLlmServer({
    path: "/v1/chat/completions",
    renderReply: (reply, body) => ({
      id: "chatcmpl-fake",
      object: "chat.completion",
      created: 1_700_000_000,
      model: body.model,
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: reply.text || null, ...(reply.toolCalls?.length ? { tool_calls: toolCallsOf(reply) } : {}) },
          finish_reason: finishReasonOf(reply),
        },
      ],
      usage: usageOf(reply, body),
    }),
    renderStream: (reply, body) => {
      const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
        id: "chatcmpl-fake",
        object: "chat.completion.chunk",
        created: 1_700_000_000,
        model: body.model,
        choices: [{ index: 0, delta, finish_reason: finish }],
      });
      const frames = [data(chunk({ role: "assistant", content: "" }))];
      for (const piece of reply.text.match(/.{1,8}/gs) ?? []) frames.push(data(chunk({ content: piece })));
      toolCallsOf(reply).forEach((call, index) => {
        frames.push(data(chunk({ tool_calls: [{ index, id: call.id, type: "function", function: { name: call.function.name, arguments: "" } }] })));
        frames.push(data(chunk({ tool_calls: [{ index, function: { arguments: call.function.arguments } }] })));
      });
      frames.push(data(chunk({}, finishReasonOf(reply))));
      const includeUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage;
      if (includeUsage) frames.push(data({ id: "chatcmpl-fake", object: "chat.completion.chunk", created: 1_700_000_000, model: body.model, choices: [], usage: usageOf(reply, body) }));
      frames.push(data("[DONE]"));
      return frames;
    },
    renderError: (status, message) => ({
      error: {
        message,
        type: status === 429 ? "rate_limit_exceeded" : status >= 500 ? "server_error" : "invalid_request_error",
        code: /context length/i.test(message) ? "context_length_exceeded" : null,
      },
    }),
    malformedFrame: "data: {not json\n\n",
  }, options);
}
