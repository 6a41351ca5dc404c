import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "@/db/database";
import type { Caller } from "@/server/auth/caller";
import type { createCaller } from "@/server/trpc/root";
import { findFreePort } from "@/test/fakes/serve-route-handlers";
import type { RouterFixture } from "@/test/fakes/router-fixture";
import { stepsOf, waitForRun, type Harness } from "@/test/durable/harness";
import { deleteCustomerTool } from "@/test/fixtures/delete-customer-tool";

/**
 * Approving a destructive action across organisations, attacked where it enters: the `chat.decide` procedure
 * (and the approval event itself), with the app's own Inngest client, the real agent function and the embedded
 * executor. The review found that a second organisation approved another's action by naming the call id the
 * provider sent (`call_0` when it sends none) from a conversation of its own.
 */
describe("chat.decide across organisations", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cf-decide-"));
  let handle: DatabaseHandle;
  let db: Database;
  let fixture: RouterFixture;
  let harness: Harness;
  let owner: Caller;
  let intruder: Caller;
  let deletes = 0;
  let intruderConversation: string;
  let trpc: (caller: Caller) => ReturnType<typeof createCaller>;
  let sendDecision: (data: { organisationId: string; conversationId: string; runId: string; toolCallId: string; approved: boolean }) => Promise<unknown>;

  beforeAll(async () => {
    Object.assign(process.env, { DATA_DIR: dataDir, PORT: String(await findFreePort()) });
    for (const name of ["DATABASE_URL", "REDIS_URL", "INNGEST_BASE_URL", "INNGEST_DEV", "INNGEST_SIGNING_KEY"]) delete process.env[name];
    // Imported only now, so env.ts reads the variables above.
    const { inngest, inngestConnection, inngestSigningKey } = await import("@/inngest/client");
    const { agentToolDecided } = await import("@/inngest/events");
    const { getDatabaseHandle } = await import("@/db/client");
    const root = await import("@/server/trpc/root");
    const { insertConversation } = await import("@/server/memory/conversation-repository");
    const { openRouterFixture } = await import("@/test/fakes/router-fixture");
    const { createAccount } = await import("@/server/accounts/create-account");
    const { updatePolicy } = await import("@/server/llm/update-policy");
    const { DEFAULT_POLICY } = await import("@/server/llm/routing-policy");
    const { createAgentRunFunction } = await import("@/inngest/functions/agent-run");
    const { ToolRegistry } = await import("@/server/tools/tool-registry");
    const { EventBus } = await import("@/server/events/event-bus");
    const { ConversationMemory } = await import("@/server/memory/conversation-memory");
    const { startHarness } = await import("@/test/durable/harness");

    handle = await getDatabaseHandle();
    db = handle.db;
    fixture = await openRouterFixture({ name: "pglite", open: async () => handle });
    owner = { ...fixture.account, via: "session" };
    intruder = { ...(await createAccount(db, { email: "intruder@example.com", password: "intruder password 1" })), via: "session" };
    const chain = [{ provider: "openai", model: "gpt-4o" }];
    await updatePolicy(db, owner, { ...DEFAULT_POLICY, tiers: { high: chain, medium: chain, low: chain } });
    const router = fixture.createRouter();
    const bus = new EventBus(null);
    const agentRun = createAgentRunFunction(inngest, async () => {
      const tools = new ToolRegistry();
      tools.register(deleteCustomerTool(() => (deletes += 1)));
      return { db, router, memory: new ConversationMemory(db, null), bus, tools };
    });
    harness = await startHarness(db, inngest, [agentRun], { serveUrl: inngestConnection.serveUrl, signingKey: inngestSigningKey });
    trpc = (caller) => root.createCaller({ db, caller, headers: new Headers() });
    intruderConversation = (await insertConversation(db, { organisationId: intruder.organisationId, userId: intruder.userId, title: "Theirs" })).id;
    sendDecision = (data) => inngest.send(agentToolDecided.create(data));
  }, 120_000);
  afterAll(async () => {
    await harness?.stop();
    await fixture?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function runOf(eventId: string): Promise<string> {
    for (let i = 0; i < 400; i += 1) {
      const run = await db.query.durableRuns.findFirst({ where: (runs, { eq: equals }) => equals(runs.eventId, eventId) });
      if (run) return run.id;
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    throw new Error(`no run for event ${eventId}`);
  }

  /** The approval wait currently open, once the run waits again. */
  async function openWait(runId: string) {
    await waitForRun(db, runId, ["waiting"], 30_000);
    return (await stepsOf(db, runId)).find((step) => step.status === "waiting");
  }

  it("lets only the run's own organisation decide, for the run's own pending call, once", async () => {
    // The provider sends no id; it used to become the predictable `call_0`.
    fixture.fakes.openai.enqueue([
      { toolCalls: [{ id: "call_0", name: "crm_delete_customer", input: { id: "c-42" } }], stopReason: "tool_use" },
      { text: "Customer c-42 is deleted." },
    ]);
    const asked = await trpc(owner).chat.send({ content: "Delete customer c-42 from the CRM" });
    const runId = await runOf(asked.eventId);
    const waiting = await openWait(runId);
    const request = await db.query.messages.findFirst({ where: (messages, { eq: equals }) => and(equals(messages.conversationId, asked.conversationId), equals(messages.role, "assistant")) });
    const [callId] = (request?.metadata.needsApproval as string[] | undefined) ?? [];
    expect(callId).toMatch(/^call_[0-9a-f]{32}$/);
    expect(waiting?.stepId).toBeDefined();

    // Another organisation: through the procedure, with the owner's conversation, or its own, and any call id.
    for (const attempt of [
      { conversationId: asked.conversationId, toolCallId: callId! },
      { conversationId: intruderConversation, toolCallId: callId! },
      { conversationId: intruderConversation, toolCallId: "call_0" },
      { conversationId: intruderConversation, toolCallId: '" || true || "' },
    ]) {
      await expect(trpc(intruder).chat.decide({ ...attempt, approved: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    // Nor does an approval event that reached the executor some other way: it names another organisation.
    await sendDecision({ organisationId: intruder.organisationId, conversationId: asked.conversationId, runId, toolCallId: callId!, approved: true });
    expect(await waitForRun(db, runId, ["waiting", "running", "completed", "failed"])).toMatchObject({ status: "waiting" });
    // One for the owner's conversation but not for its pending call is skipped, and the run waits on.
    await sendDecision({ organisationId: owner.organisationId, conversationId: asked.conversationId, runId, toolCallId: "call_0", approved: true });
    expect((await openWait(runId))?.stepId).not.toBe(waiting?.stepId);
    expect(deletes).toBe(0);

    await trpc(owner).chat.decide({ conversationId: asked.conversationId, toolCallId: callId!, approved: true });
    expect(await waitForRun(db, runId, ["completed", "failed"], 30_000)).toMatchObject({ status: "completed" });
    expect(deletes).toBe(1);
    await expect(trpc(owner).chat.decide({ conversationId: asked.conversationId, toolCallId: callId!, approved: true })).rejects.toMatchObject({ code: "CONFLICT" });
    const tool = await db.query.messages.findFirst({ where: (messages, { eq: equals }) => and(equals(messages.conversationId, asked.conversationId), equals(messages.role, "tool")) });
    expect(tool?.metadata).toMatchObject({ toolCallId: callId, status: "succeeded" });
  });
});
