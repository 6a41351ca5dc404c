import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/database";
import { durableRuns } from "@/db/schema";
import { env } from "@/env";
import { agentRunRequested } from "@/inngest/events";
import { createAgentRunFunction } from "@/inngest/functions/agent-run";
import type { AgentDependencies } from "@/server/agent/agent-dependencies";
import { invokeAgent, type InvokeAgentDependencies } from "@/server/agent/invoke-agent";
import type { Caller } from "@/server/auth/caller";
import { EventBus } from "@/server/events/event-bus";
import type { LlmRouter } from "@/server/llm/llm-router";
import { DEFAULT_POLICY } from "@/server/llm/routing-policy";
import { updatePolicy } from "@/server/llm/update-policy";
import { ConversationMemory } from "@/server/memory/conversation-memory";
import { ToolRegistry } from "@/server/tools/tool-registry";
import { createTestClient, startHarness, waitForRun, type Harness } from "@/test/durable/harness";
import { openRouterFixture, type RouterFixture } from "@/test/fakes/router-fixture";
import { testDatabases } from "@/test/test-databases";

/** The database, counting the queries that read durable runs (what the invoke API used to poll every 100 ms). */
function countRunReads(db: Database): { db: Database; reads: () => number } {
  let reads = 0;
  const counted = new Proxy(db, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (property !== "select" || typeof value !== "function") return typeof value === "function" ? value.bind(target) : value;
      return (...args: Parameters<Database["select"]>) => {
        const builder = target.select(...args);
        const from = builder.from.bind(builder);
        return Object.assign(builder, {
          from: (table: Parameters<typeof from>[0]) => {
            if (table === durableRuns) reads += 1;
            return from(table);
          },
        });
      };
    },
  });
  return { db: counted, reads: () => reads };
}

/**
 * The invoke API waits on the run's own "finished" event. With REDIS_URL the run publishes on one Redis
 * connection and the invoke listens on another, as two app processes would.
 */
describe.each(testDatabases)("invoke on $name", (target) => {
  const redisUrl = env.REDIS_URL;
  const connections = redisUrl ? [new Redis(redisUrl), new Redis(redisUrl)] : [];
  const workerBus = new EventBus(connections[0] ?? null);
  const webBus = connections[1] ? new EventBus(connections[1]) : workerBus;
  let fixture: RouterFixture;
  let router: LlmRouter;
  let harness: Harness;
  let caller: Caller;
  const client = createTestClient(() => fixture.handle.db);
  const agentRun = createAgentRunFunction(
    client,
    async (): Promise<AgentDependencies> => ({ db: fixture.handle.db, router, memory: new ConversationMemory(fixture.handle.db, null), bus: workerBus, tools: new ToolRegistry() }),
  );

  const deps = (): InvokeAgentDependencies & { reads: () => number } => {
    const { db, reads } = countRunReads(fixture.handle.db);
    return {
      db,
      reads,
      memory: new ConversationMemory(fixture.handle.db, null),
      bus: webBus,
      requestAgentRun: async (event) => (await client.send(agentRunRequested.create(event))).ids[0] ?? "",
    };
  };

  beforeAll(async () => {
    await Promise.all(connections.map((connection) => connection.ping()));
    fixture = await openRouterFixture(target);
    caller = { ...fixture.account, via: "session" };
    const chain = [{ provider: "openai", model: "gpt-4o" }];
    await updatePolicy(fixture.handle.db, caller, { ...DEFAULT_POLICY, tiers: { high: chain, medium: chain, low: chain } });
    router = fixture.createRouter();
    harness = await startHarness(fixture.handle.db, client, [agentRun]);
  }, 120_000);
  beforeEach(() => fixture.fakes.reset());
  afterAll(async () => {
    await harness.stop();
    await fixture.close();
    await Promise.all([workerBus.close(), webBus.close()]);
    for (const connection of connections) connection.disconnect();
  });

  it(`answers with the run's output when it finishes, without polling for it${redisUrl ? " (through Redis)" : ""}`, async () => {
    fixture.fakes.openai.enqueue([{ fault: "slow", delayMs: 400, reply: { text: "The answer is 42." } }]);
    const invoke = deps();
    const outcome = await invokeAgent(invoke, caller, { prompt: "What is the answer?", options: { timeout: 30_000 } });
    expect(outcome).toMatchObject({ status: "completed", result: "The answer is 42.", metadata: { model: "gpt-4o", toolCalls: [] } });
    const runId = outcome.status === "completed" ? outcome.metadata.runId : "";
    expect((await waitForRun(fixture.handle.db, runId)).output).toMatchObject({ answer: "The answer is 42." });
    expect(invoke.reads()).toBe(0);
  });

  it("answers 'accepted' with the run's id and state when the timeout passes first, after one look at the run", async () => {
    fixture.fakes.openai.enqueue([{ fault: "slow", delayMs: 1_500, reply: { text: "Slow answer." } }]);
    const invoke = deps();
    const outcome = await invokeAgent(invoke, caller, { prompt: "Take your time.", options: { timeout: 300 } });
    expect(outcome).toMatchObject({ status: "accepted", runId: expect.any(String), state: expect.stringMatching(/^(queued|running)$/) });
    expect(invoke.reads()).toBe(1);
    expect(await waitForRun(fixture.handle.db, (outcome as { runId: string }).runId, ["completed"], 30_000)).toMatchObject({ status: "completed" });
  });

  it("reports a run that failed as soon as it fails", async () => {
    fixture.fakes.openai.enqueue(Array.from({ length: 30 }, () => ({ fault: "status" as const, status: 400, message: "bad request" })));
    const invoke = deps();
    await expect(invokeAgent(invoke, caller, { prompt: "This will fail.", options: { timeout: 60_000 } })).rejects.toMatchObject({
      code: "unavailable",
      message: expect.stringMatching(/did not finish/),
    });
    expect(invoke.reads()).toBe(0);
  });
});
