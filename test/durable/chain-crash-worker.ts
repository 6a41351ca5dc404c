/**
 * Child process for the AgentChain crash test: opens the PGlite data directory, runs the agent-chain function
 * on the embedded executor with the real router pointed at the parent's fake OpenAI server, optionally sends
 * the chain (`send`), and prints `READY` then `COMPLETED` when the run has finished.
 * Run with: node --conditions=react-server --import tsx test/durable/chain-crash-worker.ts <dataDir> <fakeUrl> send|resume <organisationId>
 */
import { eq } from "drizzle-orm";
import { openEmbedded } from "@/db/open-embedded";
import { durableRuns } from "@/db/schema";
import { createAgentChainFunction } from "@/inngest/functions/agent-chain";
import type { AgentChain } from "@/server/agent/chains/agent-chain-schema";
import { EventBus } from "@/server/events/event-bus";
import { buildEnvironmentProviders } from "@/server/llm/build-providers";
import { createLlmRouter } from "@/server/llm/llm-router";
import { ConversationMemory } from "@/server/memory/conversation-memory";
import { ToolRegistry } from "@/server/tools/tool-registry";
import { createTestClient, startHarness } from "@/test/durable/harness";

const CRASH_CHAIN: AgentChain = {
  name: "crash test",
  steps: ["first", "second", "third"].map((id) => ({ id, prompt: `Do the ${id} part.`, tools: false })),
};

const [dataDir = "", fakeUrl = "", mode = "", organisationId = ""] = process.argv.slice(2);
const handle = await openEmbedded(dataDir);
const { db } = handle;
const router = createLlmRouter({
  db,
  environmentProviders: buildEnvironmentProviders({ OPENAI_API_KEY: "sk-fake", OPENAI_BASE_URL: `${fakeUrl}/v1` }),
  resilience: { timeoutMs: 20_000, maxRetries: 0 },
});
const deps = { db, router, memory: new ConversationMemory(db, null), bus: new EventBus(null), tools: new ToolRegistry() };
const client = createTestClient(() => db);
const harness = await startHarness(db, client, [createAgentChainFunction(client, async () => deps)], { releaseLeasesOnStart: true, leaseMs: 1000 });
if (mode === "send") await client.send({ id: "chain-crash-event", name: "agent/chain.requested", data: { organisationId, chain: CRASH_CHAIN, input: "crash input" } });
process.stdout.write("READY\n");

for (;;) {
  const [run] = await db.select().from(durableRuns).where(eq(durableRuns.functionId, "test-app-agent-chain"));
  if (run?.status === "completed" || run?.status === "failed") break;
  await new Promise((resolve) => setTimeout(resolve, 50));
}
await router.flush();
process.stdout.write("COMPLETED\n");
await harness.stop();
await handle.close();
process.exit(0);
