/**
 * `npm run bench:router`: the latency the LLM router adds to a model call, and the gateway's throughput.
 * Both sides call the same local fake OpenAI-compatible server with the official SDK; calls alternate between
 * "direct" and "through the router" so that drift in the machine's load hits both equally. The router side
 * includes everything a real call does: policy, complexity assessment, budget check, circuit breaker,
 * pricing, Prometheus metrics and the accounting row (written off the request path to the embedded database,
 * or to PostgreSQL when BENCH_DATABASE_URL is set).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import OpenAI from "openai";
import { startFakeOpenAiServer } from "@/test/fakes/fake-openai-server";
import { serveRouteHandlers } from "@/test/fakes/serve-route-handlers";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2_000);
const WARMUP = 200;
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const MODEL = "meta-llama/Llama-3.3-70B-Instruct-Turbo";

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const ms = (value: number) => `${value.toFixed(3)} ms`;

async function main() {
  const fake = await startFakeOpenAiServer();
  const dataDir = mkdtempSync(path.join(tmpdir(), "cf-bench-"));
  Object.assign(process.env, { DATA_DIR: dataDir, TOGETHER_API_KEY: "bench", TOGETHER_BASE_URL: `${fake.url}/v1`, LOG_LEVEL: "error" });
  if (process.env.BENCH_DATABASE_URL) process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL;
  else delete process.env.DATABASE_URL;
  for (const name of ["ANTHROPIC_API_KEY", "OPENAI_API_KEY", "OPENAI_BASE_URL", "REDIS_URL"]) delete process.env[name];
  // Imported after the environment is set, because env.ts reads it once on import.
  const { getDatabaseHandle } = await import("@/db/client");
  const { createAccount } = await import("@/server/accounts/create-account");
  const { createApiKey } = await import("@/server/api-keys/create-api-key");
  const { getLlmRouter } = await import("@/server/llm/get-llm-router");
  const completions = await import("@/app/api/v1/openai/chat/completions/route");

  const handle = await getDatabaseHandle();
  const account = await createAccount(handle.db, { email: `bench-${Date.now()}@example.com`, password: "bench password 1" });
  const router = await getLlmRouter();
  const direct = new OpenAI({ apiKey: "bench", baseURL: `${fake.url}/v1`, maxRetries: 0 });
  const messages = [{ role: "user" as const, content: "Say hello" }];

  const callDirect = () => direct.chat.completions.create({ model: MODEL, messages, max_tokens: 1024 });
  const callRouter = () => router.routeChat({ organisationId: account.organisationId, userId: account.userId, model: "auto", messages });
  const first = await callRouter();
  if (first.model !== MODEL) throw new Error(`The router picked ${first.model}; the benchmark needs ${MODEL} so both sides hit the same server.`);

  const directTimes: number[] = [];
  const routerTimes: number[] = [];
  const pairedDifferences: number[] = [];
  for (let index = 0; index < WARMUP + ITERATIONS; index += 1) {
    const order = index % 2 === 0 ? ([callDirect, callRouter] as const) : ([callRouter, callDirect] as const);
    const pair = { direct: 0, router: 0 };
    for (const call of order) {
      const started = performance.now();
      await call();
      pair[call === callDirect ? "direct" : "router"] = performance.now() - started;
    }
    if (index >= WARMUP) {
      directTimes.push(pair.direct);
      routerTimes.push(pair.router);
      pairedDifferences.push(pair.router - pair.direct);
    }
    if (index % 250 === 0) await router.flush();
  }
  await router.flush();
  // CPU time is immune to other processes' load: the same number of calls each way, the router's block
  // including the accounting inserts (flush). Both blocks include the in-process fake server's own work.
  const cpuPerCall = async (call: () => Promise<unknown>, after: () => Promise<void> = async () => undefined) => {
    const before = process.cpuUsage();
    for (let index = 0; index < ITERATIONS; index += 1) await call();
    await after();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000 / ITERATIONS;
  };
  const directCpu = await cpuPerCall(callDirect);
  const routerCpu = await cpuPerCall(callRouter, () => router.flush());
  directTimes.sort((a, b) => a - b);
  pairedDifferences.sort((a, b) => a - b);
  routerTimes.sort((a, b) => a - b);
  const [d50, d95, r50, r95] = [percentile(directTimes, 50), percentile(directTimes, 95), percentile(routerTimes, 50), percentile(routerTimes, 95)];
  const { llmCalls } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const rows = await handle.db.$count(llmCalls, eq(llmCalls.organisationId, account.organisationId));

  const apiKey = (await createApiKey(handle.db, account, "bench")).key;
  const served = await serveRouteHandlers({ "POST /api/v1/openai/chat/completions": completions.POST });
  const gateway = new OpenAI({ apiKey, baseURL: `${served.url}/api/v1/openai`, maxRetries: 0 });
  const load = async (call: () => Promise<unknown>) => {
    let done = 0;
    let failed = 0;
    let firstError: unknown;
    const until = performance.now() + LOAD_SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < until) {
          await call().then(
            () => (done += 1),
            (error: unknown) => {
              failed += 1;
              firstError ??= error;
            },
          );
        }
      }),
    );
    return { rps: done / LOAD_SECONDS, failed: failed ? `${failed} failed, first: ${String(firstError)}` : "0 failed" };
  };
  const gatewayLoad = await load(() => gateway.chat.completions.create({ model: "auto", messages }));
  const directLoad = await load(callDirect);
  await router.flush();

  const { loadavg, cpus } = await import("node:os");
  console.log(`LLM router benchmark (${ITERATIONS} alternating calls per side after ${WARMUP} warm-up, Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)})`);
  console.log(`  direct SDK → fake server     p50 ${ms(d50)}  p95 ${ms(d95)}`);
  console.log(`  SDK via routeChat → fake     p50 ${ms(r50)}  p95 ${ms(r95)}`);
  console.log(`  added by the router          p50 ${ms(r50 - d50)} (×${(r50 / d50).toFixed(3)})  p95 ${ms(r95 - d95)} (×${(r95 / d95).toFixed(3)})`);
  console.log(`  median of paired differences ${ms(percentile(pairedDifferences, 50))} (each router call minus the direct call next to it)`);
  console.log(`  CPU per call                 direct ${ms(directCpu)}, via router ${ms(routerCpu)}: the router's own work ${ms(routerCpu - directCpu)} (incl. accounting write)`);
  console.log(`  accounting rows stored       ${rows} (${handle.driver})`);
  console.log(`Gateway POST /api/v1/openai/chat/completions, ${CONCURRENCY} concurrent OpenAI SDK clients for ${LOAD_SECONDS} s`);
  console.log(`  through the gateway          ${gatewayLoad.rps.toFixed(0)} req/s (${gatewayLoad.failed})`);
  console.log(`  direct to the fake server    ${directLoad.rps.toFixed(0)} req/s (${directLoad.failed})`);

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
