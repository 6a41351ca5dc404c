import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCostDashboard } from "@/server/llm/build-cost-dashboard";
import { exportCallsCsv } from "@/server/llm/export-calls-csv";
import { getUsage } from "@/server/llm/get-usage";
import { addEndpoint, listEndpoints, loadEndpointConfigs, removeEndpoint } from "@/server/llm/llm-endpoints";
import { DEFAULT_POLICY } from "@/server/llm/routing-policy";
import { loadOrCreateSecretKey } from "@/server/secrets/secret-box";
import { allowLocalFakes } from "@/test/allow-local-fakes";
import { openRouterFixture, type RouterFixture } from "@/test/fakes/router-fixture";
import { testDatabases } from "@/test/test-databases";

const DAY = 86_400_000;
const demanding = "Compare these two implementations and analyse the trade-offs:\n```ts\nconst a = 1;\n```\n```ts\nlet b = 2;\n```";

describe.each(testDatabases)("cost reports and endpoints on $name", (target) => {
  let fixture: RouterFixture;
  const keyDir = mkdtempSync(path.join(tmpdir(), "cf-endpoint-key-"));
  beforeAll(async () => {
    fixture = await openRouterFixture(target);
    const router = fixture.createRouter();
    const base = { organisationId: fixture.account.organisationId, userId: fixture.account.userId };
    fixture.fakes.together.enqueue({ text: "cheap", usage: { input: 1_000, output: 1_000 } });
    await router.routeChat({ ...base, conversationId: "conv-cheap", runId: "run-a", messages: [{ role: "user", content: "hi" }] });
    fixture.fakes.anthropic.enqueue([{ fault: "status", status: 500 }, { fault: "status", status: 500 }], { model: "claude-opus-4-1-20250805" });
    fixture.fakes.anthropic.enqueue({ text: "careful", usage: { input: 10_000, output: 2_000, cacheRead: 5_000 } });
    await router.routeChat({ ...base, conversationId: "conv-dear", runId: "run-b", messages: [{ role: "user", content: demanding }] });
    await router.flush();
  });
  afterAll(async () => {
    await fixture.close();
    rmSync(keyDir, { recursive: true, force: true });
  });

  const range = () => ({ organisationId: fixture.account.organisationId, from: new Date(Date.now() - DAY), to: new Date(Date.now() + DAY) });

  it("builds the dashboard from the recorded calls: totals, rates, saving, groupings and budgets", async () => {
    const dashboard = await buildCostDashboard(fixture.handle.db, range(), { ...DEFAULT_POLICY, budgets: { ...DEFAULT_POLICY.budgets, organisationMonthlyUsd: 10 } });
    const cheap = (1_000 * 0.88 + 1_000 * 0.88) / 1e6;
    const dear = (10_000 * 3 + 2_000 * 15 + 5_000 * 0.3) / 1e6;
    expect(dashboard.summary).toMatchObject({ calls: 2, inputTokens: 11_000, outputTokens: 3_000, cacheReadTokens: 5_000, errorRate: 0, fallbackRate: 0.5 });
    expect(dashboard.summary.costUsd).toBeCloseTo(cheap + dear, 8);
    const baseline = (1_000 * 15 + 1_000 * 75 + 10_000 * 15 + 2_000 * 75 + 5_000 * 1.5) / 1e6;
    expect(dashboard.summary.savingUsd).toBeCloseTo(baseline - cheap - dear, 8);
    expect(dashboard.summary.p95LatencyMs).toBeGreaterThanOrEqual(0);
    expect(dashboard.byModel.map((row) => row.model)).toEqual(["claude-sonnet-4-20250514", "meta-llama/Llama-3.3-70B-Instruct-Turbo"]);
    expect(dashboard.conversations.map((row) => row.id)).toEqual(["conv-dear", "conv-cheap"]);
    expect(dashboard.runs[0]).toMatchObject({ id: "run-b", calls: 1 });
    expect(dashboard.byUser).toMatchObject([{ userId: fixture.account.userId, email: fixture.account.email, calls: 2 }]);
    expect(dashboard.daily.reduce((sum, day) => sum + day.costUsd, 0)).toBeCloseTo(cheap + dear, 8);
    expect(dashboard.budgets.organisation).toEqual({ spentUsd: expect.closeTo(cheap + dear, 8), limitUsd: 10 });
  });

  it("reports nothing outside the range and refuses a backwards range", async () => {
    const past = { organisationId: fixture.account.organisationId, from: new Date(Date.now() - 10 * DAY), to: new Date(Date.now() - 9 * DAY) };
    expect((await buildCostDashboard(fixture.handle.db, past, DEFAULT_POLICY)).summary.calls).toBe(0);
    await expect(getUsage(fixture.handle.db, fixture.account.organisationId, { from: new Date(), to: new Date(Date.now() - DAY) })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("groups usage by provider and model for the API, with totals", async () => {
    const usage = await getUsage(fixture.handle.db, fixture.account.organisationId, { from: range().from, to: range().to });
    expect(usage.groups).toHaveLength(2);
    expect(usage.total).toMatchObject({ calls: 2, inputTokens: 11_000, outputTokens: 3_000 });
    expect(await getUsage(fixture.handle.db, "another-organisation", {})).toMatchObject({ groups: [], total: { calls: 0 } });
  });

  it("exports the calls as CSV, one line each, with the fallback chain", async () => {
    const csv = await exportCallsCsv(fixture.handle.db, range());
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toMatch(/^createdAt,userId,conversationId,runId/);
    expect(lines).toHaveLength(3);
    expect(csv).toContain("conv-dear");
    expect(csv).toMatch(/""model"":""claude-opus-4-1-20250805""/);
  });

  it("stores an admin's endpoint key encrypted, and the router sends calls to that endpoint", async () => {
    const key = loadOrCreateSecretKey(keyDir);
    const organisationId = fixture.account.organisationId;
    // The fake listens on loopback, so it is allow-listed the way an operator would allow a local vLLM.
    const outbound = allowLocalFakes(fixture.fakes.openai.url);
    const endpoint = await addEndpoint(fixture.handle.db, key, organisationId, {
      name: "Office vLLM",
      kind: "openai",
      baseUrl: `${fixture.fakes.openai.url}/v1`,
      apiKey: "sk-office-secret",
      models: ["qwen2.5-7b"],
    }, outbound);
    const stored = await fixture.handle.db.query.llmEndpoints.findFirst();
    expect(JSON.stringify(stored)).not.toContain("sk-office-secret");
    await expect(addEndpoint(fixture.handle.db, key, organisationId, { name: "Office vLLM", kind: "openai", models: ["x"] }, outbound)).rejects.toMatchObject({ code: "conflict" });

    const router = fixture.createRouter({ loadEndpoints: (organisation) => loadEndpointConfigs(fixture.handle.db, key, organisation), outbound });
    fixture.fakes.openai.reset();
    const result = await router.routeChat({ organisationId, model: "qwen2.5-7b", messages: [{ role: "user", content: "hello" }] });
    expect(result).toMatchObject({ provider: endpoint.providerId, model: "qwen2.5-7b" });
    expect(fixture.fakes.openai.requests[0]?.headers.authorization).toBe("Bearer sk-office-secret");

    await removeEndpoint(fixture.handle.db, organisationId, endpoint.id);
    router.invalidate(organisationId);
    expect(await listEndpoints(fixture.handle.db, organisationId)).toEqual([]);
    await expect(router.routeChat({ organisationId, model: "qwen2.5-7b", messages: [{ role: "user", content: "hello" }] })).rejects.toMatchObject({ code: "not_found" });
  });
});
