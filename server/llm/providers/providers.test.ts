import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LlmDelta, LlmProvider, ProviderCallRequest } from "@/server/llm/llm-types";
import { ProviderError } from "@/server/llm/provider-error";
import { createAnthropicProvider } from "@/server/llm/providers/anthropic-provider";
import { createOpenAiProvider } from "@/server/llm/providers/openai-provider";
import { startFakeAnthropicServer } from "@/test/fakes/fake-anthropic-server";
import type { FakeLlmServer } from "@/test/fakes/fake-llm-server";
import { startFakeOpenAiServer } from "@/test/fakes/fake-openai-server";
import { allowLocalFakes } from "@/test/allow-local-fakes";

const weather = { name: "get_weather", description: "Weather for a city", inputSchema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } };

const request = (overrides: Partial<ProviderCallRequest> = {}): ProviderCallRequest => ({
  model: "model-a",
  system: "Be brief.",
  messages: [{ role: "user", content: "Hi" }],
  maxOutputTokens: 100,
  timeoutMs: 2_000,
  ...overrides,
});

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

const flavours = [
  {
    name: "Anthropic SDK",
    start: startFakeAnthropicServer,
    create: (server: FakeLlmServer) => createAnthropicProvider({ id: "anthropic", label: "A", apiKey: "sk-ant-test", baseUrl: server.url, models: [] }),
  },
  {
    name: "OpenAI SDK",
    start: startFakeOpenAiServer,
    create: (server: FakeLlmServer) =>
      createOpenAiProvider({ id: "openai", label: "O", apiKey: "sk-test", baseUrl: `${server.url}/v1`, models: [], maxTokensParam: "max_tokens" }),
  },
  // Admins' endpoints run the same SDKs over the outbound guard's fetch (undici, address-checked connections).
  {
    name: "Anthropic SDK through the outbound guard",
    start: startFakeAnthropicServer,
    create: (server: FakeLlmServer) =>
      createAnthropicProvider({ id: "endpoint:a", label: "A", apiKey: "sk-ant-test", baseUrl: server.url, models: [], fetch: allowLocalFakes(server.url).fetch }),
  },
  {
    name: "OpenAI SDK through the outbound guard",
    start: startFakeOpenAiServer,
    create: (server: FakeLlmServer) =>
      createOpenAiProvider({ id: "endpoint:o", label: "O", apiKey: "sk-test", baseUrl: `${server.url}/v1`, models: [], maxTokensParam: "max_tokens", fetch: allowLocalFakes(server.url).fetch }),
  },
];

describe.each(flavours)("$name adapter against the fake server", (flavour) => {
  let server: FakeLlmServer;
  let provider: LlmProvider;
  beforeAll(async () => {
    server = await flavour.start();
    provider = flavour.create(server);
  });
  beforeEach(() => server.reset());
  afterAll(() => server.close());

  it("answers with text, usage (cache tokens apart) and a stop reason", async () => {
    server.enqueue({ text: "Bonjour", usage: { input: 40, output: 7, cacheRead: 10 } });
    const result = await provider.call(request());
    expect(result).toMatchObject({ text: "Bonjour", toolCalls: [], stopReason: "end_turn", model: "model-a" });
    expect(result.usage).toEqual({ inputTokens: 40, outputTokens: 7, cacheReadTokens: 10, cacheWriteTokens: 0 });
    expect(JSON.stringify(server.requests[0]?.body)).toContain("Be brief.");
  });

  it("streams text deltas that add up to the answer, with usage at the end", async () => {
    server.enqueue({ text: "A streamed answer of several pieces", usage: { input: 12, output: 9 } });
    const deltas: LlmDelta[] = [];
    const result = await provider.call(request({ onDelta: (delta) => deltas.push(delta) }));
    const streamed = deltas.flatMap((delta) => (delta.type === "text" ? [delta.text] : [])).join("");
    expect(deltas.length).toBeGreaterThan(2);
    expect(streamed).toBe("A streamed answer of several pieces");
    expect(result.text).toBe(streamed);
    expect(result.usage).toMatchObject({ inputTokens: 12, outputTokens: 9 });
    expect(result.timeToFirstTokenMs).not.toBeNull();
  });

  it.each([false, true])("sends tools and returns tool calls (streaming %s), then sends the results back", async (stream) => {
    server.enqueue({ toolCalls: [{ id: "call_1", name: "get_weather", input: { city: "Paris" } }] });
    const deltas: LlmDelta[] = [];
    const result = await provider.call(request({ tools: [weather], toolChoice: "auto", ...(stream ? { onDelta: (delta) => deltas.push(delta) } : {}) }));
    expect(result.stopReason).toBe("tool_use");
    expect(result.toolCalls).toEqual([{ id: "call_1", name: "get_weather", input: { city: "Paris" } }]);
    if (stream) expect(deltas[0]).toEqual({ type: "tool_call_start", id: "call_1", name: "get_weather" });
    expect(JSON.stringify(server.requests[0]?.body)).toContain('"get_weather"');

    await provider.call(
      request({
        tools: [weather],
        messages: [
          { role: "user", content: "Weather in Paris?" },
          { role: "assistant", content: [{ type: "tool_call", id: "call_1", name: "get_weather", input: { city: "Paris" } }] },
          { role: "user", content: [{ type: "tool_result", toolCallId: "call_1", content: "18°C and sunny" }] },
        ],
      }),
    );
    const sent = JSON.stringify(server.requests[1]?.body);
    expect(sent).toContain("call_1");
    expect(sent).toContain("18°C and sunny");
  });

  it("classifies a 500 as a retryable server error", async () => {
    server.enqueue({ fault: "status", status: 500 });
    const error = await failure(provider.call(request()));
    expect(error).toMatchObject({ kind: "server_error", retryable: true, fallbackable: true });
  });

  it("classifies a 429 and reads its Retry-After", async () => {
    server.enqueue({ fault: "status", status: 429, headers: { "retry-after": "3" } });
    const error = await failure(provider.call(request()));
    expect(error.kind).toBe("rate_limited");
    expect(error.options.retryAfterMs).toBe(3_000);
  });

  it("classifies a context-length 400 as fallbackable but not retryable", async () => {
    server.enqueue({ fault: "status", status: 400, message: "prompt is too long: this model's maximum context length is 8192 tokens" });
    const error = await failure(provider.call(request()));
    expect(error).toMatchObject({ kind: "context_length", retryable: false, fallbackable: true });
  });

  it("treats other 4xx as client errors that neither retry nor fall back", async () => {
    server.enqueue({ fault: "status", status: 401, message: "invalid x-api-key" });
    const error = await failure(provider.call(request()));
    expect(error).toMatchObject({ kind: "client_error", retryable: false, fallbackable: false });
  });

  it.each([500, 401, 400, 404])("passes on a summary of an upstream %i, never its body", async (status) => {
    server.enqueue({ fault: "status", status, message: "internal error: db password=hunter2" });
    const error = await failure(provider.call(request()));
    expect(error.message).toMatch(new RegExp(`^The model provider answered ${status} \\(`));
    expect(error.message).not.toContain("hunter2");
  });

  it("reports an unreachable provider in a few words, without its address", async () => {
    const closed = await flavour.start();
    await closed.close();
    const error = await failure(flavour.create(closed).call(request()));
    expect(error).toMatchObject({ kind: "connection", message: "Could not reach the provider (connection refused)." });
  });

  it("times out a slow response at the deadline", async () => {
    server.enqueue({ fault: "slow", delayMs: 1_000 });
    const started = Date.now();
    const error = await failure(provider.call(request({ timeoutMs: 150 })));
    expect(error.kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(900);
  });

  it("times out a stream that stalls between chunks", async () => {
    server.enqueue({ fault: "slow", delayMs: 400, perChunk: true, reply: { text: "slow words arriving" } });
    const error = await failure(provider.call(request({ timeoutMs: 200, onDelta: () => undefined })));
    expect(["timeout", "interrupted"]).toContain(error.kind);
  });

  it.each([false, true])("classifies a malformed body as malformed (streaming %s)", async (stream) => {
    server.enqueue({ fault: "malformed" });
    const error = await failure(provider.call(request(stream ? { onDelta: () => undefined } : {})));
    expect(error.kind).toBe("malformed");
  });

  it("classifies a disconnect before any output as a connection failure", async () => {
    server.enqueue({ fault: "disconnect", afterChunks: 0 });
    expect((await failure(provider.call(request()))).kind).toBe("connection");
    server.enqueue({ fault: "disconnect", afterChunks: 1 });
    expect((await failure(provider.call(request({ onDelta: () => undefined })))).kind).toBe("connection");
  });

  it("reports a stream that breaks after text was shown as interrupted, with the partial text", async () => {
    server.enqueue({ fault: "disconnect", afterChunks: 4, reply: { text: "This answer will be cut off in the middle of a sentence" } });
    const shown: string[] = [];
    const error = await failure(provider.call(request({ onDelta: (delta) => delta.type === "text" && shown.push(delta.text) })));
    expect(error).toMatchObject({ kind: "interrupted", retryable: false, fallbackable: false });
    expect(shown.length).toBeGreaterThan(0);
    expect(error.options.partialText).toBe(shown.join(""));
  });
});
