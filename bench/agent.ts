/**
 * `npm run bench:agent`: whole agent runs under load. Each run is `POST /api/v1/agent/invoke` (API key, real
 * route) → the embedded executor (real job queue, calling the real `/api/inngest` serve route over HTTP, signed)
 * → the agent function → the real LLM router → a fake OpenAI server answering every call after 300 ms. The
 * fake model calls two tools per run (list workbooks, then evaluate the loan workbook), then answers: three
 * model turns, two tool calls. Meanwhile one client measures the non-model endpoints (health, a REST GET, the
 * conversation list) under the same load.
 *   BENCH_SECONDS (default 20) per concurrency level; BENCH_LEVELS (default 1,10,50); BENCH_EXECUTOR_CONCURRENCY;
 *   BENCH_DATABASE_URL=postgres://… runs on PostgreSQL instead of embedded PGlite; BENCH_REDIS_URL adds Redis.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { percentile } from "@/bench/percentile";
import type { FakeStep } from "@/test/fakes/fake-llm-server";
import { startFakeOpenAiServer } from "@/test/fakes/fake-openai-server";
import { buildLoanWorkbook } from "@/test/fixtures/workbooks/build-workbooks";
import { findFreePort, serveRouteHandlers } from "@/test/fakes/serve-route-handlers";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const LEVELS = (process.env.BENCH_LEVELS ?? "1,10,50").split(",").map(Number);
const MODEL_DELAY_MS = 300;
/** The executor's job slots; unset: the app's default. */
const EXECUTOR_CONCURRENCY = process.env.BENCH_EXECUTOR_CONCURRENCY ? Number(process.env.BENCH_EXECUTOR_CONCURRENCY) : undefined;
const QUESTION = "What is the monthly payment on my loan workbook at 6%?";

interface OpenAiMessage {
  role: string;
  content?: string | null;
  tool_calls?: { function: { name: string } }[];
}

/** The scripted model: list workbooks, evaluate the loan one at 6 %, answer with the payment. */
function respond(body: Record<string, unknown>): FakeStep {
  const messages = (body.messages as OpenAiMessage[] | undefined) ?? [];
  const last = messages.at(-1);
  const slow = (reply: FakeStep & { text?: string }) => ({ fault: "slow" as const, delayMs: MODEL_DELAY_MS, reply });
  if (last?.role !== "tool") return slow({ toolCalls: [{ id: `call_list_${messages.length}`, name: "workbooks_list", input: {} }] });
  const previousCall = [...messages].reverse().find((message) => message.tool_calls?.length)?.tool_calls?.[0]?.function.name;
  if (previousCall === "workbooks_list") {
    const { workbooks } = JSON.parse(String(last.content)) as { workbooks: { id: string }[] };
    const input = { workbookId: workbooks[0]?.id ?? "none", inputs: { "Loan!B4": 0.06 }, outputs: ["Loan!B10"] };
    return slow({ toolCalls: [{ id: `call_eval_${messages.length}`, name: "workbook_evaluate", input }] });
  }
  return slow({ text: `The monthly payment at 6% is ${String(last.content).slice(0, 80)}.` });
}

const fmt = (value: number) => `${value.toFixed(0)} ms`;

async function main() {
  const fake = await startFakeOpenAiServer({ respond });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "cf-bench-agent-"));
  // The serve route registers the functions at http://127.0.0.1:PORT, so the routes are served on that port.
  const port = await findFreePort();
  Object.assign(process.env, {
    DATA_DIR: dataDir,
    PORT: String(port),
    OPENAI_API_KEY: "bench",
    OPENAI_BASE_URL: `${fake.url}/v1`,
    LOG_LEVEL: "error",
    RATE_LIMIT_USER_PER_MINUTE: "1000000",
    RATE_LIMIT_ORGANISATION_PER_MINUTE: "1000000",
  });
  for (const name of ["ANTHROPIC_API_KEY", "TOGETHER_API_KEY", "INNGEST_BASE_URL", "INNGEST_DEV", "REDIS_URL", "DATABASE_URL"]) delete process.env[name];
  if (process.env.BENCH_DATABASE_URL) process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
  if (process.env.BENCH_REDIS_URL) process.env.REDIS_URL = process.env.BENCH_REDIS_URL;
  // Imported after the environment is set, because env.ts reads it once on import.
  const { getDatabaseHandle } = await import("@/db/client");
  const { createAccount } = await import("@/server/accounts/create-account");
  const { createApiKey } = await import("@/server/api-keys/create-api-key");
  const { uploadWorkbook } = await import("@/server/workbooks/upload-workbook");
  const { getStorage } = await import("@/server/storage/get-storage");
  const { getLlmRouter } = await import("@/server/llm/get-llm-router");
  const { startExecutorFromEnv } = await import("@/inngest/executor/start-from-env");
  const { listConversations } = await import("@/server/memory/conversation-repository");
  const inngestRoute = await import("@/app/api/inngest/route");
  const invokeRoute = await import("@/app/api/v1/agent/invoke/route");
  const healthRoute = await import("@/app/api/health/route");
  const meRoute = await import("@/app/api/v1/me/route");
  const usageRoute = await import("@/app/api/v1/usage/route");
  const { durableRuns, durableSteps } = await import("@/db/schema");
  const { inArray } = await import("drizzle-orm");

  const handle = await getDatabaseHandle();
  const account = await createAccount(handle.db, { email: `bench-${Date.now()}@example.com`, password: "bench password 1" });
  const caller = { ...account, via: "session" as const };
  await uploadWorkbook({ db: handle.db, storage: getStorage(), requestTransform: async () => "not transformed" }, caller, { fileName: "Loan.xlsx", bytes: buildLoanWorkbook() });
  const apiKey = (await createApiKey(handle.db, account, "bench")).key;
  // Typed for NextRequest, the serve handler reads only standard Request fields (as the executor's tests rely on).
  const inngestHandler = (handler: typeof inngestRoute.POST) => (request: Request) => handler(request as Parameters<typeof handler>[0], undefined);
  const served = await serveRouteHandlers({
    "GET /api/inngest": inngestHandler(inngestRoute.GET),
    "POST /api/inngest": inngestHandler(inngestRoute.POST),
    "PUT /api/inngest": inngestHandler(inngestRoute.PUT),
    "POST /api/v1/agent/invoke": invokeRoute.POST,
    "GET /api/health": healthRoute.GET,
    "GET /api/v1/me": meRoute.GET,
    "GET /api/v1/usage": usageRoute.GET,
  }, { port });
  const executor = await startExecutorFromEnv(handle, { ...(EXECUTOR_CONCURRENCY ? { concurrency: EXECUTOR_CONCURRENCY } : {}), logger: { info: () => undefined, warn: console.warn, error: console.error } });
  if (!executor) throw new Error("The benchmark needs the embedded executor; unset INNGEST_BASE_URL and INNGEST_DEV.");
  await executor.synced;
  const authorization = { authorization: `Bearer ${apiKey}`, "content-type": "application/json" };

  async function invoke(conversationId: string | undefined): Promise<{ conversationId: string; runId: string; ms: number }> {
    const started = performance.now();
    const response = await fetch(`${served.url}/api/v1/agent/invoke`, {
      method: "POST",
      headers: authorization,
      body: JSON.stringify({ prompt: QUESTION, conversationId, options: { timeout: 120_000 } }),
    });
    const body = (await response.json()) as { result?: string; metadata?: { runId: string; conversationId: string; toolCalls: unknown[] } };
    if (response.status !== 200 || !body.metadata) throw new Error(`invoke answered ${response.status}: ${JSON.stringify(body)}`);
    if (body.metadata.toolCalls.length !== 2 || !body.result?.includes("payment")) throw new Error(`unexpected run: ${JSON.stringify(body)}`);
    return { conversationId: body.metadata.conversationId, runId: body.metadata.runId, ms: performance.now() - started };
  }

  const probes: Record<string, () => Promise<unknown>> = {
    "GET /api/health": () => fetch(`${served.url}/api/health`).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`health ${r.status}`)))),
    "GET /api/v1/me": () => fetch(`${served.url}/api/v1/me`, { headers: authorization }).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`me ${r.status}`)))),
    "GET /api/v1/usage": () => fetch(`${served.url}/api/v1/usage`, { headers: authorization }).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`usage ${r.status}`)))),
    // The chat page's conversation list is a tRPC query behind a NextAuth session; its query is measured here.
    "conversation list (query)": () => listConversations(handle.db, account.organisationId),
  };

  await invoke(undefined); // warm-up: compiles routes, primes the router and the tool registry
  console.log(`Agent benchmark: fake model ${MODEL_DELAY_MS} ms per call, 3 model turns + 2 tool calls per run, ${SECONDS} s per level, ${handle.driver}${process.env.REDIS_URL ? " + Redis" : ""}, Node ${process.version}, ${os.cpus().length} CPUs`);
  for (const level of LEVELS) {
    const times: number[] = [];
    const runIds: string[] = [];
    const probeTimes: Record<string, number[]> = Object.fromEntries(Object.keys(probes).map((name) => [name, []]));
    const until = performance.now() + SECONDS * 1000;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    let loading = true;
    const probing = (async () => {
      while (loading) {
        for (const [name, probe] of Object.entries(probes)) {
          const probeStarted = performance.now();
          await probe();
          probeTimes[name]!.push(performance.now() - probeStarted);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await Promise.all(
      Array.from({ length: level }, async () => {
        let conversationId: string | undefined;
        while (performance.now() < until) {
          const run = await invoke(conversationId);
          conversationId = run.conversationId;
          times.push(run.ms);
          runIds.push(run.runId);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    loading = false;
    await probing;
    const breakdown = await stepBreakdown(runIds);
    console.log(`${level} concurrent conversation${level > 1 ? "s" : ""}: ${times.length} runs in ${elapsed.toFixed(1)} s, ${((times.length / elapsed) * 60).toFixed(0)} runs/min`);
    console.log(`  agent end to end (invoke → answer)  p50 ${fmt(percentile(times, 50))}  p95 ${fmt(percentile(times, 95))}  max ${fmt(Math.max(...times))}`);
    console.log(`  per run, mean: ${breakdown}`);
    console.log(`  CPU of this process per run (app, executor, database if embedded, fake model, clients): ${fmt((cpu.user + cpu.system) / 1000 / times.length)}`);
    for (const [name, values] of Object.entries(probeTimes)) console.log(`  ${name.padEnd(34)} p50 ${percentile(values, 50).toFixed(1)} ms  p95 ${percentile(values, 95).toFixed(1)} ms  (${values.length} requests)`);
  }
  console.log(`machine load average ${os.loadavg()[0]?.toFixed(1)}`);

  /** Where a run's time goes: queueing before the first step, model turns, tool calls, the rest. */
  async function stepBreakdown(ids: string[]): Promise<string> {
    if (ids.length === 0) return "no runs";
    const runs = await handle.db.select().from(durableRuns).where(inArray(durableRuns.id, ids));
    const steps = await handle.db.select().from(durableSteps).where(inArray(durableSteps.runId, ids));
    const sum = { queued: 0, total: 0, model: 0, tool: 0, other: 0 };
    for (const run of runs) {
      if (!run.startedAt || !run.endedAt) continue;
      sum.queued += run.startedAt.getTime() - run.createdAt.getTime();
      sum.total += run.endedAt.getTime() - run.createdAt.getTime();
    }
    for (const step of steps) {
      if (!step.endedAt) continue;
      const duration = step.endedAt.getTime() - step.startedAt.getTime();
      if (step.name.startsWith("model-turn")) sum.model += duration;
      else if (step.name.startsWith("tool-")) sum.tool += duration;
      else sum.other += duration;
    }
    const mean = (value: number) => fmt(value / runs.length);
    const between = sum.total - sum.queued - sum.model - sum.tool - sum.other;
    return `run ${mean(sum.total)} = queued ${mean(sum.queued)} + model steps ${mean(sum.model)} + tool steps ${mean(sum.tool)} + other steps ${mean(sum.other)} + executor between steps ${mean(between)}`;
  }

  await executor.stop();
  await (await getLlmRouter()).flush();
  await served.close();
  await fake.close();
  await handle.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
