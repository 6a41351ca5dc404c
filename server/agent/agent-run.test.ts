import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { utils, write } from "@e965/xlsx";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { llmCalls } from "@/db/schema";
import { agentToolDecided } from "@/inngest/events";
import { createAgentRunFunction, type AgentRunOutput } from "@/inngest/functions/agent-run";
import { createEngine } from "@/lib/excel/engine";
import { loadWorkbook } from "@/lib/excel/workbook/load-workbook";
import type { AgentDependencies } from "@/server/agent/agent-dependencies";
import type { AgentStreamEvent } from "@/server/agent/agent-events";
import { buildAgentTools } from "@/server/agent/build-agent-tools";
import { newToolCallId } from "@/server/agent/plan-tool-calls";
import { runToolCall } from "@/server/agent/run-tool-call";
import { decideToolCall } from "@/server/chat/decide-tool-call";
import type { Caller } from "@/server/auth/caller";
import { sendChatMessage } from "@/server/chat/send-chat-message";
import { EventBus } from "@/server/events/event-bus";
import type { LlmRouter } from "@/server/llm/llm-router";
import { DEFAULT_POLICY } from "@/server/llm/routing-policy";
import { updatePolicy } from "@/server/llm/update-policy";
import { ConversationMemory } from "@/server/memory/conversation-memory";
import { insertConversation } from "@/server/memory/conversation-repository";
import { createDiskStorage } from "@/server/storage/file-storage";
import { defineTool } from "@/server/tools/tool";
import { toolNameFor } from "@/server/tools/tool-name";
import { uploadWorkbook } from "@/server/workbooks/upload-workbook";
import { createTestClient, startHarness, waitForRun, type Harness } from "@/test/durable/harness";
import { deleteCustomerTool } from "@/test/fixtures/delete-customer-tool";
import type { FakeLlmServer, FakeStep } from "@/test/fakes/fake-llm-server";
import { openRouterFixture, type RouterFixture } from "@/test/fakes/router-fixture";
import { testDatabases } from "@/test/test-databases";

/** Whole agent runs on the embedded executor, with the real router talking to fake model servers. */
function loanWorkbook(): Uint8Array {
  const sheet = utils.aoa_to_sheet([["Rate", 0.05], ["Years", 30], ["Principal", 200000]]);
  sheet["A4"] = { t: "s", v: "Monthly payment" };
  sheet["B4"] = { t: "n", v: 0, f: "PMT(B1/12,B2*12,-B3)" };
  sheet["!ref"] = "A1:B4";
  const book = utils.book_new();
  utils.book_append_sheet(book, sheet, "Loan");
  return new Uint8Array(write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

describe.each(testDatabases)("agent runs on $name", (target) => {
  let fixture: RouterFixture;
  let router: LlmRouter;
  let harness: Harness;
  let caller: Caller;
  let workbookId: string;
  let slowToolRan = 0;
  let deleteRan = 0;
  const bus = new EventBus(null);
  const storage = createDiskStorage(fs.mkdtempSync(path.join(os.tmpdir(), "cf-agent-")));
  const client = createTestClient(() => fixture.handle.db);

  const resolve = async (): Promise<AgentDependencies> => {
    const tools = await buildAgentTools({ db: fixture.handle.db, storage }, caller.organisationId);
    tools.register(
      defineTool({
        id: "fx.rate",
        name: "Exchange rate",
        description: "Current exchange rate between two currencies",
        category: "connector",
        timeoutMs: 100,
        inputSchema: z.object({}),
        outputSchema: z.object({ rate: z.number() }),
        execute: () => {
          slowToolRan += 1;
          return new Promise(() => undefined);
        },
      }),
    );
    tools.register(deleteCustomerTool(() => (deleteRan += 1)));
    return { db: fixture.handle.db, router, memory: new ConversationMemory(fixture.handle.db, null), bus, tools };
  };
  const agentRun = createAgentRunFunction(client, resolve);

  const allFakes = (): FakeLlmServer[] => [fixture.fakes.anthropic, fixture.fakes.openai, fixture.fakes.together];
  // Every tier routes to OpenAI first and Together second, so a scripted conversation talks to one fake.
  const script = (steps: FakeStep[]) => fixture.fakes.openai.enqueue(steps);
  const chain = [
    { provider: "openai", model: "gpt-4o" },
    { provider: "together", model: "meta-llama/Llama-3.3-70B-Instruct-Turbo" },
  ];

  async function ask(question: string) {
    const db = fixture.handle.db;
    const events: AgentStreamEvent[] = [];
    let eventId = "";
    const sent = await sendChatMessage(
      {
        db,
        memory: new ConversationMemory(db, null),
        requestAgentRun: async (event) => (eventId = (await client.send({ name: "agent/run.requested", data: event })).ids[0] ?? ""),
      },
      caller,
      { content: question },
    );
    bus.subscribe(`conversation:${caller.organisationId}:${sent.conversationId}`, (event) => events.push(event as AgentStreamEvent));
    const runId = await waitForRunId(eventId);
    return { ...sent, runId, events };
  }

  async function waitForRunId(eventId: string): Promise<string> {
    for (let i = 0; i < 400; i += 1) {
      const run = await fixture.handle.db.query.durableRuns.findFirst({ where: (runs, { eq: equals }) => equals(runs.eventId, eventId) });
      if (run) return run.id;
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    throw new Error(`no run for event ${eventId}`);
  }

  async function messagesOf(conversationId: string) {
    return fixture.handle.db.query.messages.findMany({ where: (m, { eq: equals }) => equals(m.conversationId, conversationId), orderBy: (m, { asc }) => asc(m.seq) });
  }

  beforeAll(async () => {
    fixture = await openRouterFixture(target);
    caller = { ...fixture.account, via: "session" };
    await updatePolicy(fixture.handle.db, caller, { ...DEFAULT_POLICY, tiers: { high: chain, medium: chain, low: chain } });
    router = fixture.createRouter();
    workbookId = (await uploadWorkbook({ db: fixture.handle.db, storage, requestTransform: async () => "unused" }, caller, { fileName: "Loan.xlsx", bytes: loanWorkbook() })).workbookId;
    harness = await startHarness(fixture.handle.db, client, [agentRun]);
  }, 120_000);
  beforeEach(() => fixture.fakes.reset());
  afterAll(async () => {
    await harness.stop();
    await fixture.close();
  });

  it("calls the workbook model tool, then answers from its result, streaming the answer", async () => {
    const expected = createEngine(loadWorkbook(loanWorkbook()));
    expected.setCellValue("Loan!B1", 0.06);
    expected.recalculateAll();
    const payment = expected.getValue("Loan!B4") as number;
    script([
      { toolCalls: [{ id: "call_loan", name: toolNameFor("workbook.evaluate"), input: { workbookId, inputs: { "Loan!B1": 0.06 }, outputs: ["Loan!B4"] } }], stopReason: "tool_use" },
      { text: `The monthly payment at 6% is ${payment.toFixed(2)}.` },
    ]);
    const { conversationId, runId, events } = await ask("What is the monthly payment on my loan workbook at 6%?");
    const run = await waitForRun(fixture.handle.db, runId, ["completed", "failed"], 30_000);
    expect(run.status).toBe("completed");
    const output = run.output as AgentRunOutput;
    expect(output.answer).toContain(payment.toFixed(2));
    expect(output.toolCalls).toEqual([expect.objectContaining({ toolId: "workbook.evaluate", status: "succeeded" })]);

    const stored = await messagesOf(conversationId);
    expect(stored.map((message) => message.role)).toEqual(["user", "assistant", "tool", "assistant"]);
    expect(JSON.parse(stored[2]!.content)).toEqual({ values: { "Loan!B4": payment }, truncated: false });
    const secondRequest = allFakes().flatMap((fake) => fake.requests).at(-1);
    expect(JSON.stringify(secondRequest?.body)).toContain(String(payment));
    expect(events.filter((event) => event.type === "text").map((event) => (event as { text: string }).text).join("")).toContain(payment.toFixed(2));
    expect(events.at(-1)).toEqual({ type: "done", runId });
  });

  it("reports a tool that times out to the model, which still answers", async () => {
    script([{ toolCalls: [{ id: "call_fx", name: toolNameFor("fx.rate"), input: {} }], stopReason: "tool_use" }, { text: "The rate service is not answering right now." }]);
    const { conversationId, runId } = await ask("What is the exchange rate between USD and EUR?");
    const run = await waitForRun(fixture.handle.db, runId, ["completed", "failed"], 30_000);
    expect(run.status).toBe("completed");
    const tool = (await messagesOf(conversationId)).find((message) => message.role === "tool");
    expect(tool?.content).toMatch(/^timeout: /);
    expect(tool?.metadata).toMatchObject({ status: "failed", toolId: "fx.rate" });
    expect(slowToolRan).toBeGreaterThanOrEqual(1);
  });

  it("falls back to the next model when the first one fails", async () => {
    const question = "Summarise my loan workbook in one sentence.";
    fixture.fakes.openai.enqueue(Array.from({ length: 4 }, () => ({ fault: "status" as const, status: 500, message: "overloaded" })));
    fixture.fakes.together.enqueue([{ text: "It is a 30-year loan of 200,000." }]);
    const { runId } = await ask(question);
    const run = await waitForRun(fixture.handle.db, runId, ["completed", "failed"], 30_000);
    expect(run.status).toBe("completed");
    await router.flush();
    const [call] = await fixture.handle.db.select().from(llmCalls).where(eq(llmCalls.runId, runId));
    expect(call?.provider).toBe("together");
    expect(fixture.fakes.openai.requests.length).toBeGreaterThanOrEqual(1);
    expect(call?.fallbackChain.length).toBeGreaterThanOrEqual(1);
  });

  const decide = (conversationId: string, toolCallId: string, approved: boolean) =>
    decideToolCall(
      { db: fixture.handle.db, sendToolDecision: async (decision) => void (await client.send(agentToolDecided.create(decision))) },
      caller,
      { conversationId, toolCallId, approved },
    );

  it("waits for approval of a destructive tool and does not run it when denied", async () => {
    script([{ toolCalls: [{ id: "call_del", name: toolNameFor("crm.delete_customer"), input: { id: "c-42" } }], stopReason: "tool_use" }, { text: "Understood, I left the customer alone." }]);
    const { conversationId, runId, events } = await ask("Delete customer c-42 from the CRM");
    await waitForRun(fixture.handle.db, runId, ["waiting"], 30_000);
    const approval = events.find((event) => event.type === "approval_required");
    expect(approval).toMatchObject({ toolId: "crm.delete_customer", callId: expect.stringMatching(/^call_[0-9a-f]{32}$/) });
    await decide(conversationId, (approval as { callId: string }).callId, false);
    const run = await waitForRun(fixture.handle.db, runId, ["completed", "failed"], 30_000);
    expect(run.status).toBe("completed");
    expect(deleteRan).toBe(0);
    const tool = (await messagesOf(conversationId)).find((message) => message.role === "tool");
    expect(tool?.metadata).toMatchObject({ status: "denied" });
  });

  it("asks for approval when the model names a destructive tool by its registry id, and runs it once approved", async () => {
    script([{ toolCalls: [{ id: "call_del", name: "crm.delete_customer", input: { id: "c-7" } }], stopReason: "tool_use" }, { text: "Customer c-7 is deleted." }]);
    const { conversationId, runId, events } = await ask("Delete customer c-7 from the CRM");
    expect(await waitForRun(fixture.handle.db, runId, ["waiting", "completed", "failed"], 30_000)).toMatchObject({ status: "waiting" });
    expect(deleteRan).toBe(0);
    const approval = events.find((event) => event.type === "approval_required") as { callId: string; toolId: string } | undefined;
    expect(approval?.toolId).toBe("crm.delete_customer");
    await decide(conversationId, approval!.callId, true);
    expect(await waitForRun(fixture.handle.db, runId, ["completed", "failed"], 30_000)).toMatchObject({ status: "completed" });
    expect(deleteRan).toBe(1);
    await expect(decide(conversationId, approval!.callId, true)).rejects.toMatchObject({ code: "conflict" });
  });

  it("does not run a tool that is destructive when the call runs but was planned as not needing approval", async () => {
    const before = deleteRan;
    const conversation = await insertConversation(fixture.handle.db, { organisationId: caller.organisationId, userId: caller.userId, title: "Planned earlier" });
    const scope = { organisationId: caller.organisationId, userId: caller.userId, conversationId: conversation.id, runId: "run-planned-earlier" };
    const outcome = await runToolCall(await resolve(), scope, { id: newToolCallId(), toolId: "crm_delete_customer", input: { id: "c-9" }, destructive: false });
    expect(outcome).toMatchObject({ status: "failed", toolId: "crm.delete_customer" });
    expect(deleteRan).toBe(before);
  });
});
