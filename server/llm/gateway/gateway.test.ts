import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeAnthropicServer } from "@/test/fakes/fake-anthropic-server";
import type { FakeLlmServer } from "@/test/fakes/fake-llm-server";
import { startFakeOpenAiServer } from "@/test/fakes/fake-openai-server";
import { serveRouteHandlers, type ServedRoutes } from "@/test/fakes/serve-route-handlers";

/**
 * The gateway end to end: the real route handlers (API key auth, router from the environment, embedded
 * database) served over HTTP, called with the official `openai` SDK, routing to the fake providers.
 */
describe("OpenAI-compatible gateway", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cf-gateway-"));
  let anthropic: FakeLlmServer;
  let openai: FakeLlmServer;
  let together: FakeLlmServer;
  let served: ServedRoutes;
  let client: OpenAI;
  let apiKey: string;
  let flush: () => Promise<void>;

  beforeAll(async () => {
    [anthropic, openai, together] = await Promise.all([startFakeAnthropicServer(), startFakeOpenAiServer(), startFakeOpenAiServer()]);
    Object.assign(process.env, {
      DATA_DIR: dataDir,
      ANTHROPIC_API_KEY: "sk-ant-fake",
      ANTHROPIC_BASE_URL: anthropic.url,
      OPENAI_API_KEY: "sk-fake",
      OPENAI_BASE_URL: `${openai.url}/v1`,
      TOGETHER_API_KEY: "together-fake",
      TOGETHER_BASE_URL: `${together.url}/v1`,
      METRICS_TOKEN: "gateway-metrics-token-0123456789",
    });
    delete process.env.DATABASE_URL;
    // Imported only now, so env.ts reads the variables above.
    const completions = await import("@/app/api/v1/openai/chat/completions/route");
    const models = await import("@/app/api/v1/openai/models/route");
    const usage = await import("@/app/api/v1/usage/route");
    const metrics = await import("@/app/api/metrics/route");
    const { getDb } = await import("@/db/client");
    const { createAccount } = await import("@/server/accounts/create-account");
    const { createApiKey } = await import("@/server/api-keys/create-api-key");
    const { getLlmRouter } = await import("@/server/llm/get-llm-router");
    const db = await getDb();
    const account = await createAccount(db, { email: "gateway@example.com", password: "gateway password 1" });
    apiKey = (await createApiKey(db, account, "gateway test")).key;
    const router = await getLlmRouter();
    flush = () => router.flush();
    served = await serveRouteHandlers({
      "POST /api/v1/openai/chat/completions": completions.POST,
      "GET /api/v1/openai/models": models.GET,
      "GET /api/v1/usage": usage.GET,
      "GET /api/metrics": metrics.GET,
    });
    client = new OpenAI({ apiKey, baseURL: `${served.url}/api/v1/openai`, maxRetries: 0 });
  });
  beforeEach(() => [anthropic, openai, together].forEach((server) => server.reset()));
  afterAll(async () => {
    await flush();
    await Promise.all([served.close(), anthropic.close(), openai.close(), together.close()]);
    const { getDatabaseHandle } = await import("@/db/client");
    await (await getDatabaseHandle()).close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("routes model \"auto\" by policy and answers in the OpenAI format, with the route in headers", async () => {
    together.enqueue({ text: "Hi from the open model", usage: { input: 20, output: 5 } });
    const { data, response } = await client.chat.completions.create({ model: "auto", messages: [{ role: "user", content: "Say hi" }] }).withResponse();
    expect(data.choices[0]?.message.content).toBe("Hi from the open model");
    expect(data.model).toBe("meta-llama/Llama-3.3-70B-Instruct-Turbo");
    expect(data.usage).toMatchObject({ prompt_tokens: 20, completion_tokens: 5, total_tokens: 25 });
    expect(response.headers.get("x-candlefish-provider")).toBe("together");
    expect(response.headers.get("x-candlefish-route-reason")).toMatch(/complexity low/);
  });

  it("sends a named model to its provider, including Anthropic behind the OpenAI format, with tools", async () => {
    anthropic.enqueue({ toolCalls: [{ id: "toolu_9", name: "lookup", input: { q: "rates" } }] });
    const completion = await client.chat.completions.create({
      model: "claude-sonnet-4-20250514",
      messages: [
        { role: "system", content: "You are terse." },
        { role: "user", content: "Look up the rates" },
      ],
      tools: [{ type: "function", function: { name: "lookup", description: "Looks things up", parameters: { type: "object", properties: { q: { type: "string" } } } } }],
    });
    expect(completion.choices[0]?.finish_reason).toBe("tool_calls");
    expect(completion.choices[0]?.message.tool_calls).toEqual([{ id: "toolu_9", type: "function", function: { name: "lookup", arguments: '{"q":"rates"}' } }]);
    expect(anthropic.requests[0]?.body).toMatchObject({ model: "claude-sonnet-4-20250514", system: "You are terse." });

    anthropic.enqueue({ text: "Rates are 4%." });
    const followUp = await client.chat.completions.create({
      model: "anthropic/claude-sonnet-4-20250514",
      messages: [
        { role: "user", content: "Look up the rates" },
        { role: "assistant", content: null, tool_calls: [{ id: "toolu_9", type: "function", function: { name: "lookup", arguments: '{"q":"rates"}' } }] },
        { role: "tool", tool_call_id: "toolu_9", content: "4%" },
      ],
    });
    expect(followUp.choices[0]?.message.content).toBe("Rates are 4%.");
    expect(JSON.stringify(anthropic.requests[1]?.body.messages)).toContain('"tool_use_id":"toolu_9"');
  });

  it("streams through the SDK, with usage at the end when asked", async () => {
    openai.enqueue({ text: "A streamed gateway answer", usage: { input: 11, output: 6 } });
    const stream = await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "stream" }], stream: true, stream_options: { include_usage: true } });
    let text = "";
    let usage: OpenAI.CompletionUsage | undefined;
    let finish: string | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe("A streamed gateway answer");
    expect(finish).toBe("stop");
    expect(usage).toMatchObject({ prompt_tokens: 11, completion_tokens: 6 });
  });

  it("streams tool calls through the SDK's stream helper", async () => {
    openai.enqueue({ toolCalls: [{ id: "call_7", name: "sum", input: { a: 1, b: 2 } }] });
    const runner = client.chat.completions.stream({
      model: "gpt-4o",
      messages: [{ role: "user", content: "add" }],
      tools: [{ type: "function", function: { name: "sum", parameters: { type: "object", properties: {} } } }],
    });
    const final = await runner.finalChatCompletion();
    expect(final.choices[0]?.message.tool_calls?.[0]).toMatchObject({ id: "call_7", function: { name: "sum", arguments: '{"a":1,"b":2}' } });
  });

  it("returns a proper error status when a stream fails before any output, and falls back otherwise", async () => {
    openai.enqueue({ fault: "status", status: 401, message: "bad upstream key" });
    await expect(client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "x" }], stream: true })).rejects.toMatchObject({ status: 400 });
    openai.enqueue([{ fault: "status", status: 500 }, { fault: "status", status: 500 }, { fault: "status", status: 500 }]);
    const completion = await client.chat.completions.create({ model: "auto", messages: [{ role: "user", content: "Compare the totals in column B with last month" }], tools: [{ type: "function", function: { name: "t", parameters: {} } }] });
    expect(completion.model).toBe("claude-sonnet-4-20250514");
  });

  it("rejects a missing or wrong API key and an invalid body", async () => {
    const anonymous = new OpenAI({ apiKey: "cf_wrongwrongwrongwrong", baseURL: `${served.url}/api/v1/openai`, maxRetries: 0 });
    await expect(anonymous.chat.completions.create({ model: "auto", messages: [{ role: "user", content: "x" }] })).rejects.toMatchObject({ status: 401 });
    const response = await fetch(`${served.url}/api/v1/openai/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${apiKey}` }, body: "{nope" });
    expect(response.status).toBe(400);
    await expect(client.chat.completions.create({ model: "no-such-model", messages: [{ role: "user", content: "x" }] })).rejects.toMatchObject({ status: 404 });
  });

  it("lists models, reports usage grouped by provider and model, and serves Prometheus metrics", async () => {
    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toEqual(expect.arrayContaining(["auto", "anthropic/claude-opus-4-1-20250805", "together/meta-llama/Llama-3.3-70B-Instruct-Turbo"]));
    await flush();
    const day = 86_400_000;
    const range = `from=${new Date(Date.now() - day).toISOString()}&to=${new Date(Date.now() + day).toISOString()}`;
    const usage = await fetch(`${served.url}/api/v1/usage?${range}`, { headers: { authorization: `Bearer ${apiKey}` } }).then((response) => response.json());
    const together = usage.groups.find((group: { provider: string }) => group.provider === "together");
    expect(together).toMatchObject({ model: "meta-llama/Llama-3.3-70B-Instruct-Turbo", calls: 1, inputTokens: 20, outputTokens: 5 });
    expect(together.costUsd).toBeCloseTo((25 * 0.88) / 1_000_000, 10);
    expect(usage.total.calls).toBeGreaterThanOrEqual(6);
    const metrics = await fetch(`${served.url}/api/metrics`, { headers: { authorization: "Bearer gateway-metrics-token-0123456789" } }).then((response) => response.text());
    expect(metrics).toMatch(/llm_tokens_total\{provider="together",model="meta-llama\/Llama-3.3-70B-Instruct-Turbo",type="input"\} 20/);
    expect(metrics).toMatch(/llm_cost_dollars\{provider="together"/);
    expect(metrics).toMatch(/llm_request_duration_seconds_bucket/);
  });
});
