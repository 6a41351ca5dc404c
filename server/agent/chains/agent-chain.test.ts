import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createAgentChainFunction } from "@/inngest/functions/agent-chain";
import type { AgentDependencies } from "@/server/agent/agent-dependencies";
import type { AgentChain, AgentChainOutput } from "@/server/agent/chains/agent-chain-schema";
import { startAgentChain } from "@/server/agent/chains/start-agent-chain";
import type { Caller } from "@/server/auth/caller";
import { EventBus } from "@/server/events/event-bus";
import { DEFAULT_POLICY } from "@/server/llm/routing-policy";
import { updatePolicy } from "@/server/llm/update-policy";
import { ConversationMemory } from "@/server/memory/conversation-memory";
import { defineTool } from "@/server/tools/tool";
import { toolNameFor } from "@/server/tools/tool-name";
import { ToolRegistry } from "@/server/tools/tool-registry";
import { createTestClient, startHarness, stepsOf, waitForRun, type Harness } from "@/test/durable/harness";
import { openRouterFixture, type RouterFixture } from "@/test/fakes/router-fixture";
import { testDatabases } from "@/test/test-databases";

/** AgentChains as durable runs on the embedded executor, the real router and a fake OpenAI server. */
describe.each(testDatabases)("agent chains on $name", (target) => {
  let fixture: RouterFixture;
  let caller: Caller;
  let deps: AgentDependencies;
  let harness: Harness;
  let lookups = 0;
  let deletes = 0;
  const client = createTestClient(() => fixture.handle.db);
  const chainFunction = createAgentChainFunction(client, async () => deps);

  async function run(chain: AgentChain, input: string) {
    const { eventId } = await startAgentChain(
      { requestChain: async (event) => (await client.send({ name: "agent/chain.requested", data: event })).ids[0] ?? "" },
      caller,
      { chain, input },
    );
    let runId = "";
    for (let i = 0; i < 400 && !runId; i += 1) {
      runId = (await fixture.handle.db.query.durableRuns.findFirst({ where: (runs, { eq }) => eq(runs.eventId, eventId) }))?.id ?? "";
      if (!runId) await new Promise((resolve) => setTimeout(resolve, 15));
    }
    const finished = await waitForRun(fixture.handle.db, runId, ["completed", "failed"], 30_000);
    const steps = (await stepsOf(fixture.handle.db, runId))
      .filter((step) => step.name.startsWith("chain-step-"))
      .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
    return { run: finished, output: finished.output as AgentChainOutput, steps };
  }

  const requestBodies = () => fixture.fakes.openai.requests.map((request) => JSON.stringify(request.body));

  beforeAll(async () => {
    fixture = await openRouterFixture(target);
    caller = { ...fixture.account, via: "session" };
    const chain = [{ provider: "openai", model: "gpt-4o" }];
    await updatePolicy(fixture.handle.db, caller, { ...DEFAULT_POLICY, tiers: { high: chain, medium: chain, low: chain } });
    const tools = new ToolRegistry();
    tools.register(
      defineTool({
        id: "crm.lookup_account",
        name: "Look up account",
        description: "Look up a CRM account by name: owner and open opportunities",
        category: "connector",
        inputSchema: z.object({ name: z.string() }),
        outputSchema: z.object({ owner: z.string(), openOpportunities: z.number() }),
        execute: async () => {
          lookups += 1;
          return { owner: "Ada", openOpportunities: 3 };
        },
      }),
    );
    tools.register(
      defineTool({
        id: "crm.delete_account",
        name: "Delete account",
        description: "Delete a CRM account by name",
        category: "connector",
        destructive: true,
        inputSchema: z.object({ name: z.string() }),
        outputSchema: z.object({ deleted: z.boolean() }),
        execute: async () => {
          deletes += 1;
          return { deleted: true };
        },
      }),
    );
    deps = { db: fixture.handle.db, router: fixture.createRouter(), memory: new ConversationMemory(fixture.handle.db, null), bus: new EventBus(null), tools };
    harness = await startHarness(fixture.handle.db, client, [chainFunction]);
  }, 120_000);
  beforeEach(() => fixture.fakes.reset());
  afterAll(async () => {
    await harness.stop();
    await fixture.close();
  });

  it("runs each step with the earlier results in its context and skips a step whose condition does not hold", async () => {
    fixture.fakes.openai.enqueue([{ text: "Category: billing. Not urgent." }, { text: "Reply drafted for a billing question." }]);
    const { run: finished, output, steps } = await run(
      {
        name: "triage",
        steps: [
          { id: "classify", prompt: "Classify this support ticket and say whether it is urgent.", tools: false },
          { id: "escalate", prompt: "Write an escalation note for the on-call engineer.", when: { step: "classify", contains: "not urgent", not: true }, tools: false },
          { id: "reply", prompt: "Draft a reply to the customer.", tools: false },
        ],
      },
      "Ticket 981: I was charged twice this month.",
    );
    expect(finished.status).toBe("completed");
    expect(output).toMatchObject({ status: "succeeded", output: "Reply drafted for a billing question." });
    expect(output.steps.map((step) => [step.id, step.status])).toEqual([
      ["classify", "succeeded"],
      ["escalate", "skipped"],
      ["reply", "succeeded"],
    ]);
    const [classify, reply] = requestBodies();
    expect(classify).toContain("Ticket 981: I was charged twice this month.");
    expect(reply).toContain('Result of step \\"classify\\":\\nCategory: billing. Not urgent.');
    expect(reply).toContain("Draft a reply to the customer.");
    // Two model calls for two steps that ran: the function is replayed for every step, finished ones are not repeated.
    expect(fixture.fakes.openai.requests).toHaveLength(2);
    expect(steps.map((step) => [step.name, step.status, step.attempts])).toEqual([
      ["chain-step-classify", "completed", 1],
      ["chain-step-reply", "completed", 1],
    ]);
  });

  it("takes the onFailure branch when a step still fails after its retries, and skips the rest of the steps", async () => {
    fixture.fakes.openai.enqueue(Array.from({ length: 12 }, () => ({ fault: "status" as const, status: 500, message: "model overloaded" })), { model: "gpt-4o-mini" });
    fixture.fakes.openai.enqueue({ text: "Sorry: the account data could not be fetched. Try again later." });
    const { run: finished, output, steps } = await run(
      {
        name: "account review",
        steps: [
          { id: "fetch", prompt: "Fetch the account's open opportunities.", model: "openai/gpt-4o-mini", tools: false },
          { id: "report", prompt: "Write the account review.", tools: false },
        ],
        onFailure: [{ id: "apologise", prompt: "Tell the requester what failed.", when: { step: "fetch", status: "failed" }, tools: false }],
      },
      "Account: Acme",
    );
    expect(finished.status).toBe("completed");
    expect(output).toMatchObject({ status: "recovered", failedStep: "fetch", output: "Sorry: the account data could not be fetched. Try again later." });
    expect(output.steps.map((step) => [step.id, step.status])).toEqual([
      ["fetch", "failed"],
      ["apologise", "succeeded"],
    ]);
    expect(output.steps[0]?.error).toBeTruthy();
    const fetchStep = steps.find((step) => step.name === "chain-step-fetch");
    expect(fetchStep).toMatchObject({ status: "failed", attempts: 3 });
    expect(requestBodies().at(-1)).toContain('Result of step \\"fetch\\":\\nFAILED:');
    expect(requestBodies().some((body) => body.includes("Write the account review."))).toBe(false);
  });

  it("fails the run when a step fails and the chain has no onFailure branch", async () => {
    fixture.fakes.openai.enqueue(Array.from({ length: 12 }, () => ({ fault: "status" as const, status: 500 })), { model: "gpt-4o-mini" });
    const { run: finished } = await run({ name: "no safety net", steps: [{ id: "only", prompt: "Do the thing.", model: "openai/gpt-4o-mini", tools: false }] }, "");
    expect(finished.status).toBe("failed");
    expect(finished.error?.message).toContain('Step "only" of chain "no safety net" failed');
  });

  it("lets a step call the organisation's tools, but never offers destructive ones", async () => {
    fixture.fakes.openai.enqueue([
      { toolCalls: [{ id: "call_lookup", name: toolNameFor("crm.lookup_account"), input: { name: "Acme" } }], stopReason: "tool_use" },
      { text: "Acme is owned by Ada and has 3 open opportunities." },
    ]);
    const before = lookups;
    const { output } = await run({ name: "lookup", steps: [{ id: "lookup", prompt: "Look up the CRM account named in the input and report its owner." }] }, "Acme");
    expect(output.output).toBe("Acme is owned by Ada and has 3 open opportunities.");
    expect(output.steps[0]?.toolCalls).toEqual([{ toolId: "crm.lookup_account", status: "succeeded" }]);
    expect(lookups).toBe(before + 1);
    const [first, second] = requestBodies();
    expect(first).toContain(toolNameFor("crm.lookup_account"));
    expect(first).not.toContain(toolNameFor("crm.delete_account"));
    expect(second).toContain('\\"openOpportunities\\":3');
  });

  it("runs a tool the model names by its registry id, and never a destructive one by either name", async () => {
    fixture.fakes.openai.enqueue([
      {
        toolCalls: [
          { id: "call_1", name: "crm.lookup_account", input: { name: "Acme" } },
          { id: "call_2", name: "crm.delete_account", input: { name: "Acme" } },
          { id: "call_3", name: toolNameFor("crm.delete_account"), input: { name: "Acme" } },
        ],
        stopReason: "tool_use",
      },
      { text: "Looked up Acme; deleting is not available here." },
    ]);
    const before = lookups;
    const { output } = await run({ name: "by id", steps: [{ id: "tidy", prompt: "Look up the CRM account named in the input, then delete it." }] }, "Acme");
    expect(output.steps[0]?.toolCalls).toEqual([
      { toolId: "crm.lookup_account", status: "succeeded" },
      { toolId: "crm.delete_account", status: "failed" },
      { toolId: toolNameFor("crm.delete_account"), status: "failed" },
    ]);
    expect(lookups).toBe(before + 1);
    expect(deletes).toBe(0);
  });

  it("refuses a definition whose condition points at a later step, or that repeats a step id", async () => {
    const starter = { requestChain: async () => "never" };
    await expect(
      startAgentChain(starter, caller, { chain: { name: "bad", steps: [{ id: "a", prompt: "x", when: { step: "b" } }, { id: "b", prompt: "y" }] } }),
    ).rejects.toThrow(/refers to "b", which is not an earlier step/);
    await expect(startAgentChain(starter, caller, { chain: { name: "bad", steps: [{ id: "a", prompt: "x" }, { id: "a", prompt: "y" }] } })).rejects.toThrow(/used twice/);
    await expect(
      startAgentChain(starter, caller, { chain: { name: "bad", steps: [{ id: "a", prompt: "x" }, { id: "b", prompt: "y", when: { step: "a", matches: "^(a+)\\1$" } }] } }),
    ).rejects.toThrow(/steps\.1\.when\.matches: Not a pattern a condition can use: .*RE2 syntax/);
  });
});
