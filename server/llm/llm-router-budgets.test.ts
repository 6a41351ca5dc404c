import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { llmBudgetAlerts, llmCalls } from "@/db/schema";
import { upsertPolicy } from "@/server/llm/llm-policy-repository";
import { DEFAULT_POLICY, type LlmPolicy } from "@/server/llm/routing-policy";
import { createAccount } from "@/server/accounts/create-account";
import { openRouterFixture, type RouterFixture } from "@/test/fakes/router-fixture";
import { testDatabases } from "@/test/test-databases";

const demanding = "Compare these two implementations and analyse the trade-offs:\n```ts\nconst a = 1;\n```\n```ts\nlet b = 2;\n```";
let organisations = 0;

describe.each(testDatabases)("LLM budgets and cost caps on $name", (target) => {
  let fixture: RouterFixture;
  beforeAll(async () => {
    fixture = await openRouterFixture(target);
  });
  beforeEach(() => fixture.fakes.reset());
  afterAll(() => fixture.close());

  async function organisationWith(budgets: Partial<LlmPolicy["budgets"]>, spentUsd: number, spentByUser = false) {
    organisations += 1;
    const account = await createAccount(fixture.handle.db, { email: `budget${organisations}@example.com`, password: "budget password 1" });
    await upsertPolicy(fixture.handle.db, account.organisationId, { ...DEFAULT_POLICY, budgets: { ...DEFAULT_POLICY.budgets, ...budgets } }, account.userId);
    if (spentUsd > 0) {
      await fixture.handle.db.insert(llmCalls).values({
        organisationId: account.organisationId,
        userId: spentByUser ? account.userId : "someone-else",
        source: "app",
        provider: "anthropic",
        model: "claude-opus-4-1-20250805",
        complexity: "high",
        routeReason: "seeded",
        costUsd: spentUsd,
        priceVersion: "test",
        latencyMs: 1,
        status: "ok",
      });
    }
    return account;
  }

  const ask = (account: { organisationId: string; userId: string }, extra: { maxCost?: number; maxOutputTokens?: number } = {}) =>
    fixture.createRouter().routeChat({ organisationId: account.organisationId, userId: account.userId, messages: [{ role: "user", content: demanding }], ...extra });

  it("alerts once at 80% of the organisation budget and still routes normally", async () => {
    const account = await organisationWith({ organisationMonthlyUsd: 100 }, 85);
    const router = fixture.createRouter();
    const request = { organisationId: account.organisationId, messages: [{ role: "user" as const, content: demanding }] };
    const first = await router.routeChat(request);
    await router.routeChat(request);
    expect(first.model).toBe("claude-opus-4-1-20250805");
    expect(first.decision.reason).toMatch(/organisation budget at 85%/);
    await router.flush();
    const alerts = await fixture.handle.db.select().from(llmBudgetAlerts).where(eq(llmBudgetAlerts.organisationId, account.organisationId));
    expect(alerts).toMatchObject([{ scope: "organisation", level: "warning", spentUsd: 85, limitUsd: 100 }]);
  });

  it("downgrades to the low tier once the budget is used up, when the policy says downgrade", async () => {
    const account = await organisationWith({ organisationMonthlyUsd: 50, onExceeded: "downgrade" }, 50);
    const result = await ask(account);
    expect(result).toMatchObject({ provider: "together", decision: { tier: "low" } });
    expect(result.decision.reason).toMatch(/organisation budget used \(\$50\.00 of \$50\.00\): downgraded/);
  });

  it("stops with a clear message when the policy says stop, and records the refusal", async () => {
    const account = await organisationWith({ organisationMonthlyUsd: 50, onExceeded: "stop" }, 60);
    const router = fixture.createRouter();
    await expect(router.routeChat({ organisationId: account.organisationId, conversationId: "conv-stopped", messages: [{ role: "user", content: "hi" }] })).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/monthly model budget of \$50\.00 is used up/),
    });
    expect(fixture.fakes.together.requests).toHaveLength(0);
    await router.flush();
    const rows = await fixture.handle.db.select().from(llmCalls).where(eq(llmCalls.conversationId, "conv-stopped"));
    expect(rows).toMatchObject([{ status: "refused", errorCode: "budget_exceeded", costUsd: 0 }]);
  });

  it("applies a per-user budget to that user only", async () => {
    const account = await organisationWith({ userMonthlyUsd: 5, onExceeded: "stop" }, 6, true);
    await expect(ask(account)).rejects.toMatchObject({ code: "forbidden", message: expect.stringMatching(/user's monthly/) });
    const colleague = { organisationId: account.organisationId, userId: "colleague" };
    await expect(ask(colleague)).resolves.toMatchObject({ provider: "anthropic" });
  });

  it("counts the router's own spend at once, without waiting for the database", async () => {
    const account = await organisationWith({ organisationMonthlyUsd: 2, onExceeded: "stop" }, 0);
    const router = fixture.createRouter();
    fixture.fakes.together.enqueue({ text: "expensive", usage: { input: 1_500_000, output: 1_000_000 } });
    const request = { organisationId: account.organisationId, messages: [{ role: "user" as const, content: "hi" }] };
    expect((await router.routeChat(request)).costUsd).toBeCloseTo(2.2, 6);
    await expect(router.routeChat(request)).rejects.toMatchObject({ code: "forbidden" });
    await router.flush();
  });

  it("refuses a request whose estimate exceeds maxCost when no model fits, and downgrades when one does", async () => {
    const account = await organisationWith({}, 0);
    await expect(ask(account, { maxCost: 0.000_001, maxOutputTokens: 4_000 })).rejects.toMatchObject({ code: "unprocessable", message: expect.stringMatching(/Raise maxCost/) });
    const downgraded = await ask(account, { maxCost: 0.6, maxOutputTokens: 20_000 });
    expect(downgraded.model).not.toBe("claude-opus-4-1-20250805");
    expect(downgraded.decision.reason).toMatch(/downgraded/);
  });
});
