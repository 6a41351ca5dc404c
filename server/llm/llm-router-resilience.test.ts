import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { llmCalls } from "@/db/schema";
import type { RouteChatRequest } from "@/server/llm/llm-router";
import { openRouterFixture, type RouterFixture } from "@/test/fakes/router-fixture";
import { testDatabases } from "@/test/test-databases";

const OPUS = "claude-opus-4-1-20250805";
const SONNET = "claude-sonnet-4-20250514";
const demanding = "Compare these two implementations and analyse the trade-offs:\n```ts\nconst a = 1;\n```\n```ts\nlet b = 2;\n```";

describe.each(testDatabases)("LLM router resilience on $name", (target) => {
  let fixture: RouterFixture;
  beforeAll(async () => {
    fixture = await openRouterFixture(target);
  });
  beforeEach(() => fixture.fakes.reset());
  afterAll(() => fixture.close());

  const highRequest = (conversationId: string, extra: Partial<RouteChatRequest> = {}): RouteChatRequest => ({
    organisationId: fixture.account.organisationId,
    conversationId,
    messages: [{ role: "user", content: demanding }],
    ...extra,
  });
  const modelsAsked = () => fixture.fakes.anthropic.requests.map((request) => request.body.model);
  const rowFor = async (conversationId: string) =>
    (await fixture.handle.db.select().from(llmCalls).where(eq(llmCalls.conversationId, conversationId)))[0];

  it("retries a 429 on the same model after the Retry-After it was given", async () => {
    const router = fixture.createRouter();
    fixture.fakes.anthropic.enqueue({ fault: "status", status: 429, headers: { "retry-after": "0.3" } }, { model: OPUS });
    const started = Date.now();
    const result = await router.routeChat(highRequest("conv-429"));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(result.model).toBe(OPUS);
    expect(modelsAsked()).toEqual([OPUS, OPUS]);
  });

  it("falls back at once when Retry-After is longer than the router will wait", async () => {
    const router = fixture.createRouter();
    fixture.fakes.anthropic.enqueue({ fault: "status", status: 429, headers: { "retry-after": "60" } }, { model: OPUS });
    const started = Date.now();
    const result = await router.routeChat(highRequest("conv-429-long"));
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(result.model).toBe(SONNET);
    expect(result.fallbackChain).toMatchObject([{ provider: "anthropic", model: OPUS, attempts: 1, error: expect.stringMatching(/^rate_limited/) }]);
  });

  it.each([
    ["a 500", { fault: "status", status: 500 } as const, /^server_error/],
    ["a 503 overload", { fault: "status", status: 529 } as const, /^server_error/],
    ["a slow response (timeout)", { fault: "slow", delayMs: 4_000 } as const, /^timeout/],
    ["a malformed body", { fault: "malformed" } as const, /^malformed/],
    ["a dropped connection", { fault: "disconnect", afterChunks: 0 } as const, /^connection/],
  ])("retries then falls back along the chain on %s, recording the chain", async (_name, fault, pattern) => {
    const router = fixture.createRouter({ resilience: { timeoutMs: 1_000, maxRetries: 1, initialBackoffMs: 5, maxBackoffMs: 20, maxRetryAfterMs: 2_000 } });
    fixture.fakes.anthropic.enqueue([fault, fault], { model: OPUS });
    const conversationId = `conv-fallback-${_name}`;
    const result = await router.routeChat(highRequest(conversationId));
    expect(result.model).toBe(SONNET);
    expect(modelsAsked()).toEqual([OPUS, OPUS, SONNET]);
    expect(result.fallbackChain).toEqual([{ provider: "anthropic", model: OPUS, attempts: 2, error: expect.stringMatching(pattern) }]);
    await router.flush();
    expect(await rowFor(conversationId)).toMatchObject({ status: "ok", model: SONNET, fallbackChain: [{ model: OPUS, attempts: 2 }] });
  });

  it("falls back without retrying on a context-length error", async () => {
    const router = fixture.createRouter();
    fixture.fakes.anthropic.enqueue({ fault: "status", status: 400, message: "prompt is too long: 250000 tokens > 200000 maximum" }, { model: OPUS });
    const result = await router.routeChat(highRequest("conv-context"));
    expect(result.model).toBe(SONNET);
    expect(modelsAsked()).toEqual([OPUS, SONNET]);
  });

  it("crosses providers when a whole provider is down", async () => {
    const router = fixture.createRouter();
    const down = { fault: "status", status: 502 } as const;
    fixture.fakes.anthropic.enqueue([down, down, down, down]);
    const result = await router.routeChat(highRequest("conv-cross"));
    expect(result).toMatchObject({ provider: "openai", model: "gpt-4o" });
    expect(result.fallbackChain.map((hop) => hop.model)).toEqual([OPUS, SONNET]);
  });

  it("fails with `unavailable` when every model fails, and records the failure", async () => {
    const router = fixture.createRouter({ resilience: { timeoutMs: 5_000, maxRetries: 0, initialBackoffMs: 1, maxBackoffMs: 1, maxRetryAfterMs: 2_000 } });
    const down = { fault: "status", status: 500 } as const;
    fixture.fakes.anthropic.enqueue([down, down]);
    fixture.fakes.openai.enqueue([down, down]);
    fixture.fakes.together.enqueue([down]);
    await expect(router.routeChat(highRequest("conv-all-down"))).rejects.toMatchObject({ code: "unavailable", details: { fallbackChain: expect.any(Array) } });
    await router.flush();
    const row = await rowFor("conv-all-down");
    expect(row).toMatchObject({ status: "error", errorCode: "server_error" });
    expect(row?.fallbackChain.map((hop) => hop.model)).toEqual([OPUS, SONNET, "gpt-4o", "meta-llama/Llama-3.3-70B-Instruct-Turbo", "gpt-4o-mini"]);
  });

  it("does not fall back on a client error such as a bad key", async () => {
    const router = fixture.createRouter();
    fixture.fakes.anthropic.enqueue({ fault: "status", status: 401, message: "invalid x-api-key" }, { model: OPUS });
    await expect(router.routeChat(highRequest("conv-401"))).rejects.toMatchObject({ code: "bad_request", message: expect.stringMatching(/^The model provider answered 401 \(authentication failed\)\./) });
    expect(modelsAsked()).toEqual([OPUS]);
  });

  it("reports a stream that broke after tokens were shown instead of silently re-sending it", async () => {
    const router = fixture.createRouter();
    fixture.fakes.anthropic.enqueue({ fault: "disconnect", afterChunks: 4, reply: { text: "Half of an answer that never finishes properly" } }, { model: OPUS });
    const shown: string[] = [];
    const error = await router
      .routeChat(highRequest("conv-interrupted", { onDelta: (delta) => delta.type === "text" && shown.push(delta.text) }))
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "unavailable", message: expect.stringMatching(/broke off/), details: { partialText: shown.join("") } });
    expect(shown.length).toBeGreaterThan(0);
    expect(modelsAsked()).toEqual([OPUS]);
    await router.flush();
    expect(await rowFor("conv-interrupted")).toMatchObject({ status: "interrupted", errorCode: "interrupted" });
  });

  it("retries a stream that broke before any token was shown", async () => {
    const router = fixture.createRouter();
    fixture.fakes.anthropic.enqueue({ fault: "disconnect", afterChunks: 1 }, { model: OPUS });
    const result = await router.routeChat(highRequest("conv-early-break", { onDelta: () => undefined }));
    expect(result.model).toBe(OPUS);
    expect(modelsAsked()).toEqual([OPUS, OPUS]);
  });

  it("opens the circuit of a failing model, skips it while open, and probes it after the cool-down", async () => {
    const router = fixture.createRouter({
      breaker: { failureThreshold: 2, cooldownMs: 300 },
      resilience: { timeoutMs: 5_000, maxRetries: 0, initialBackoffMs: 1, maxBackoffMs: 1, maxRetryAfterMs: 2_000 },
    });
    const down = { fault: "status", status: 500 } as const;
    fixture.fakes.anthropic.enqueue([down, down], { model: OPUS });
    await router.routeChat(highRequest("conv-breaker-1"));
    await router.routeChat(highRequest("conv-breaker-2"));
    expect(modelsAsked()).toEqual([OPUS, SONNET, OPUS, SONNET]);
    const skipped = await router.routeChat(highRequest("conv-breaker-3"));
    expect(skipped.fallbackChain).toEqual([{ provider: "anthropic", model: OPUS, error: "circuit open", attempts: 0 }]);
    expect(modelsAsked()).toEqual([OPUS, SONNET, OPUS, SONNET, SONNET]);
    await new Promise((resolve) => setTimeout(resolve, 320));
    const probed = await router.routeChat(highRequest("conv-breaker-4"));
    expect(probed.model).toBe(OPUS);
    expect((await router.routeChat(highRequest("conv-breaker-5"))).model).toBe(OPUS);
    await router.flush();
  });

  it("honours the caller's cancellation without falling back", async () => {
    const router = fixture.createRouter();
    fixture.fakes.anthropic.enqueue({ fault: "slow", delayMs: 300 }, { model: OPUS });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(router.routeChat(highRequest("conv-cancel", { signal: controller.signal }))).rejects.toMatchObject({ code: "bad_request", message: "The request was cancelled." });
    expect(modelsAsked()).toEqual([OPUS]);
    await router.flush();
  });
});
