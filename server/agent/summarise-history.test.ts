import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAgentRunFunction } from "@/inngest/functions/agent-run";
import type { AgentDependencies, AgentRunScope } from "@/server/agent/agent-dependencies";
import { runModelTurn } from "@/server/agent/run-model-turn";
import { summariseHistory } from "@/server/agent/summarise-history";
import type { Caller } from "@/server/auth/caller";
import { sendChatMessage } from "@/server/chat/send-chat-message";
import { EventBus } from "@/server/events/event-bus";
import type { LlmRouter } from "@/server/llm/llm-router";
import { DEFAULT_POLICY } from "@/server/llm/routing-policy";
import { updatePolicy } from "@/server/llm/update-policy";
import { ConversationMemory } from "@/server/memory/conversation-memory";
import { findConversation, insertConversation } from "@/server/memory/conversation-repository";
import { ToolRegistry } from "@/server/tools/tool-registry";
import { createTestClient, startHarness, stepsOf, waitForRun, type Harness } from "@/test/durable/harness";
import { openRouterFixture, type RouterFixture } from "@/test/fakes/router-fixture";
import { testDatabases } from "@/test/test-databases";

const bodyText = (body: unknown) => JSON.stringify(body);

describe.each(testDatabases)("summarising long conversations on $name", (target) => {
  let fixture: RouterFixture;
  let router: LlmRouter;
  let caller: Caller;
  let deps: AgentDependencies;
  let harness: Harness;
  const client = createTestClient(() => fixture.handle.db);
  const agentRun = createAgentRunFunction(client, async () => deps);

  async function conversationWith(count: number): Promise<AgentRunScope> {
    const conversation = await insertConversation(fixture.handle.db, { organisationId: caller.organisationId, title: "Long chat" });
    for (let i = 1; i <= count; i += 1) {
      await deps.memory.append(caller.organisationId, conversation.id, { role: i % 2 ? "user" : "assistant", content: i % 2 ? `Question ${i}: what about fact ${i}?` : `Fact ${i - 1} is ${i * 7}.` });
    }
    return { organisationId: caller.organisationId, conversationId: conversation.id, runId: `run-${conversation.id}` };
  }

  beforeAll(async () => {
    fixture = await openRouterFixture(target);
    caller = { ...fixture.account, via: "session" };
    const chain = [{ provider: "openai", model: "gpt-4o" }];
    await updatePolicy(fixture.handle.db, caller, { ...DEFAULT_POLICY, tiers: { high: chain, medium: chain, low: chain } });
    router = fixture.createRouter();
    deps = { db: fixture.handle.db, router, memory: new ConversationMemory(fixture.handle.db, null), bus: new EventBus(null), tools: new ToolRegistry() };
    harness = await startHarness(fixture.handle.db, client, [agentRun]);
  }, 120_000);
  beforeEach(() => fixture.fakes.reset());
  afterAll(async () => {
    await harness.stop();
    await fixture.close();
  });

  it("leaves a conversation within the budget alone, without calling a model", async () => {
    const scope = await conversationWith(8);
    expect(await summariseHistory(deps, scope)).toEqual({ summary: null, summarisedThroughSeq: null, summarised: false, costUsd: 0 });
    expect(fixture.fakes.openai.requests).toHaveLength(0);
  });

  it("summarises the part older than the window once, stores it, and repeats without a model call", async () => {
    const scope = await conversationWith(30);
    fixture.fakes.openai.enqueue({ text: "The user asked about facts 1 to 19; fact 1 is 14." });
    const first = await summariseHistory(deps, scope);
    expect(first).toMatchObject({ summary: "The user asked about facts 1 to 19; fact 1 is 14.", summarised: true });
    expect(first.costUsd).toBeGreaterThan(0);

    const [request] = fixture.fakes.openai.requests;
    expect(bodyText(request?.body)).toContain("Question 1: what about fact 1?");
    expect(bodyText(request?.body)).toContain("Fact 19 is 140.");
    // The window (the newest 10 messages, from question 21 on) stays verbatim and is not summarised.
    expect(bodyText(request?.body)).not.toContain("Question 21:");
    const window = await deps.memory.window(scope.organisationId, scope.conversationId);
    expect(window[0]?.content).toMatch(/^Question 21:/);
    const stored = await findConversation(fixture.handle.db, scope.organisationId, scope.conversationId);
    expect(stored?.summary).toBe(first.summary);
    expect(stored?.summarisedThroughSeq).toBe(window[0]!.seq - 1);

    const again = await summariseHistory(deps, scope);
    expect(again).toEqual({ ...first, summarised: false, costUsd: 0 });
    expect(fixture.fakes.openai.requests).toHaveLength(1);
  });

  it("folds the previous summary into the next one when the conversation grows past the budget again", async () => {
    const scope = await conversationWith(30);
    fixture.fakes.openai.enqueue([{ text: "First summary: facts 1 to 19." }, { text: "Second summary: facts 1 to 43." }]);
    await summariseHistory(deps, scope);
    for (let i = 31; i <= 54; i += 1) await deps.memory.append(scope.organisationId, scope.conversationId, { role: i % 2 ? "user" : "assistant", content: `Later message ${i}` });
    const second = await summariseHistory(deps, scope);
    expect(second).toMatchObject({ summary: "Second summary: facts 1 to 43.", summarised: true });
    const body = bodyText(fixture.fakes.openai.requests[1]?.body);
    expect(body).toContain("First summary: facts 1 to 19.");
    expect(body).toContain("Later message 31");
    expect(body).not.toContain("Question 1: what about fact 1?");
  });

  it("gives the model turn the summary and the recent window", async () => {
    const scope = await conversationWith(11);
    fixture.fakes.openai.enqueue({ text: "Fact 3 is 28." });
    await runModelTurn(deps, scope, 0, { summary: "Earlier: fact 3 is 28." });
    const body = fixture.fakes.openai.requests[0]?.body as { messages: { role: string; content: unknown }[] };
    expect(body.messages[0]).toMatchObject({ role: "system" });
    expect(bodyText(body.messages[0])).toContain("Earlier: fact 3 is 28.");
    expect(bodyText(body.messages.slice(1))).toContain("Question 11:");
  });

  it("summarises in its own step of an agent run, before the first model turn", async () => {
    const scope = await conversationWith(30);
    fixture.fakes.openai.enqueue([{ text: "Summary: nineteen facts so far." }, { text: "Fact 31 is 217." }]);
    let eventId = "";
    await sendChatMessage(
      { db: fixture.handle.db, memory: deps.memory, requestAgentRun: async (event) => (eventId = (await client.send({ name: "agent/run.requested", data: event })).ids[0] ?? "") },
      caller,
      { conversationId: scope.conversationId, content: "And fact 31?" },
    );
    let runId = "";
    for (let i = 0; i < 400 && !runId; i += 1) {
      runId = (await fixture.handle.db.query.durableRuns.findFirst({ where: (runs, { eq }) => eq(runs.eventId, eventId) }))?.id ?? "";
      if (!runId) await new Promise((resolve) => setTimeout(resolve, 15));
    }
    const run = await waitForRun(fixture.handle.db, runId, ["completed", "failed"], 30_000);
    expect(run.status).toBe("completed");
    expect((run.output as { answer: string }).answer).toBe("Fact 31 is 217.");
    const [summaryRequest, turnRequest] = fixture.fakes.openai.requests;
    expect(bodyText(summaryRequest?.body)).toContain("Question 1: what about fact 1?");
    expect(bodyText(turnRequest?.body)).toContain("Summary: nineteen facts so far.");
    expect(bodyText(turnRequest?.body)).not.toContain("Question 1: what about fact 1?");
    expect((await stepsOf(fixture.handle.db, runId)).map((step) => step.name)).toContain("summarise-history");
  });
});
