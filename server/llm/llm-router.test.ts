import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { llmCalls } from "@/db/schema";
import { buildEnvironmentProviders } from "@/server/llm/build-providers";
import type { LlmDelta } from "@/server/llm/llm-types";
import { getMetricsRegistry } from "@/server/metrics/metrics-registry";
import { openRouterFixture, type RouterFixture } from "@/test/fakes/router-fixture";
import { testDatabases } from "@/test/test-databases";

const codeReview = "Compare these two implementations and analyse the trade-offs:\n```ts\nconst a = 1;\n```\n```ts\nlet b = 2;\n```";

async function metricValue(name: string, labels: Record<string, string>): Promise<number> {
  const metric = (await getMetricsRegistry().getMetricsAsJSON()).find((entry) => entry.name === name);
  const values = (metric?.values ?? []) as Array<{ labels: Record<string, string>; value: number }>;
  return values.filter((value) => Object.entries(labels).every(([key, wanted]) => value.labels[key] === wanted)).reduce((sum, value) => sum + value.value, 0);
}

describe.each(testDatabases)("LLM router on $name", (target) => {
  let fixture: RouterFixture;
  beforeAll(async () => {
    fixture = await openRouterFixture(target);
  });
  beforeEach(() => fixture.fakes.reset());
  afterAll(() => fixture.close());

  const rowsFor = (conversationId: string) => fixture.handle.db.select().from(llmCalls).where(eq(llmCalls.conversationId, conversationId));

  it("sends a simple request to the open model and records the call with tokens, cost, reason and ids", async () => {
    const router = fixture.createRouter();
    fixture.fakes.together.enqueue({ text: "Hello!", usage: { input: 1_000_000, output: 500_000 } });
    const before = await metricValue("llm_tokens_total", { provider: "together", type: "input" });
    const result = await router.routeChat({
      organisationId: fixture.account.organisationId,
      userId: fixture.account.userId,
      conversationId: "conv-simple",
      runId: "run-1",
      stepId: "step-1",
      messages: [{ role: "user", content: "Say hello" }],
    });
    expect(result).toMatchObject({ text: "Hello!", provider: "together", model: "meta-llama/Llama-3.3-70B-Instruct-Turbo", stopReason: "end_turn" });
    expect(result.costUsd).toBeCloseTo(0.88 + 0.44, 6);
    expect(result.decision.reason).toMatch(/complexity low/);
    await router.flush();
    const [row] = await rowsFor("conv-simple");
    expect(row).toMatchObject({
      organisationId: fixture.account.organisationId,
      userId: fixture.account.userId,
      runId: "run-1",
      stepId: "step-1",
      provider: "together",
      complexity: "low",
      inputTokens: 1_000_000,
      outputTokens: 500_000,
      status: "ok",
      priceVersion: expect.any(String),
      fallbackChain: [],
    });
    expect(row?.costUsd).toBeCloseTo(1.32, 6);
    expect(row?.baselineCostUsd).toBeCloseTo(15 + 37.5, 6);
    expect(row?.routeReason).toMatch(/→ together\//);
    expect((await metricValue("llm_tokens_total", { provider: "together", type: "input" })) - before).toBe(1_000_000);
    expect(await metricValue("llm_cost_dollars", { provider: "together", type: "output" })).toBeGreaterThanOrEqual(0.44);
  });

  it("sends a demanding request to the strongest Anthropic model, with tools, and returns its tool calls", async () => {
    const router = fixture.createRouter();
    fixture.fakes.anthropic.enqueue({ toolCalls: [{ id: "toolu_1", name: "read_cell", input: { ref: "B2" } }] });
    const result = await router.routeChat({
      organisationId: fixture.account.organisationId,
      conversationId: "conv-high",
      messages: [{ role: "user", content: codeReview }],
      tools: [{ name: "read_cell", description: "Reads a cell", inputSchema: { type: "object", properties: { ref: { type: "string" } } } }],
    });
    expect(result).toMatchObject({ provider: "anthropic", model: "claude-opus-4-1-20250805", stopReason: "tool_use" });
    expect(result.toolCalls).toEqual([{ id: "toolu_1", name: "read_cell", input: { ref: "B2" } }]);
    expect(result.decision.tier).toBe("high");
  });

  it("streams deltas to the caller and records the time to first token", async () => {
    const router = fixture.createRouter();
    fixture.fakes.openai.enqueue({ text: "Streaming through the router works." });
    const deltas: LlmDelta[] = [];
    const result = await router.routeChat({
      organisationId: fixture.account.organisationId,
      conversationId: "conv-stream",
      model: "gpt-4o",
      messages: [{ role: "user", content: "Stream please" }],
      onDelta: (delta) => deltas.push(delta),
    });
    expect(deltas.map((delta) => (delta.type === "text" ? delta.text : "")).join("")).toBe("Streaming through the router works.");
    expect(result.timeToFirstTokenMs).not.toBeNull();
    await router.flush();
    const [row] = await rowsFor("conv-stream");
    expect(row?.timeToFirstTokenMs).not.toBeNull();
    expect(row?.complexity).toBe("named");
    expect(row?.routeReason).toMatch(/requested by name/);
  });

  it("answers offline, plainly saying so, when no provider is configured", async () => {
    const router = fixture.createRouter({ environmentProviders: buildEnvironmentProviders({}) });
    const deltas: string[] = [];
    const result = await router.routeChat({
      organisationId: fixture.account.organisationId,
      conversationId: "conv-offline",
      messages: [{ role: "user", content: codeReview }],
      onDelta: (delta) => delta.type === "text" && deltas.push(delta.text),
    });
    expect(result.provider).toBe("offline");
    expect(result.text).toMatch(/offline/i);
    expect(deltas.join("")).toBe(result.text);
    expect(result.costUsd).toBe(0);
    const again = await router.routeChat({ organisationId: fixture.account.organisationId, messages: [{ role: "user", content: codeReview }] });
    expect(again.text).toBe(result.text);
    await router.flush();
    expect(await rowsFor("conv-offline")).toMatchObject([{ provider: "offline", model: "candlefish-offline", costUsd: 0, status: "ok" }]);
  });

  it("refuses an unknown named model with not_found and records the refusal", async () => {
    const router = fixture.createRouter();
    await expect(
      router.routeChat({ organisationId: fixture.account.organisationId, conversationId: "conv-unknown", model: "gpt-99", messages: [{ role: "user", content: "hi" }] }),
    ).rejects.toMatchObject({ code: "not_found" });
    await router.flush();
    expect(await rowsFor("conv-unknown")).toMatchObject([{ status: "refused", errorCode: "unknown_model", model: "gpt-99" }]);
  });
});
