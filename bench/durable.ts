/**
 * Benchmark of the embedded executor: a 10-step function with empty steps.
 * Step overhead = time between consecutive step completions of one run (everything but the user's code).
 *   npm run bench:durable                       PGlite in memory, one process
 *   BENCH_DATABASE_URL=postgres://… npm run …   also PostgreSQL with one and with two worker processes
 * Env: BENCH_RUNS (default 200), BENCH_LATENCY_RUNS (default 30).
 */
import { spawn } from "node:child_process";
import os from "node:os";
import { asc, inArray, sql } from "drizzle-orm";
import postgres from "postgres";
import type { Database, DatabaseHandle } from "@/db/database";
import { durableRuns, durableSteps } from "@/db/schema";
import { openPostgres } from "@/db/open-postgres";
import { acceptEvents } from "@/inngest/executor/accept-events";
import { createTestClient, startHarness, type Harness } from "@/test/durable/harness";
import { testDatabases } from "@/test/test-databases";

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const LATENCY_RUNS = Number(process.env.BENCH_LATENCY_RUNS ?? 30);
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

async function startApp(db: Database): Promise<Harness> {
  const client = createTestClient(() => db);
  const tenSteps = client.createFunction({ id: "ten-steps", triggers: [{ event: "bench/ten-steps" }] }, async ({ step }) => {
    for (let index = 0; index < 10; index++) await step.run(`step-${index}`, () => index);
    return "done";
  });
  return startHarness(db, client, [tenSteps], { concurrency: 32, pollMs: 50, leaseMs: 30_000 });
}

async function sendRuns(db: Database, count: number): Promise<string[]> {
  const events = Array.from({ length: count }, () => ({ name: "bench/ten-steps", data: {} }));
  return (await acceptEvents(db, events)).runIds;
}

async function waitUntilDone(db: Database, runIds: string[]): Promise<void> {
  for (;;) {
    const [row] = await db
      .select({ open: sql<number>`count(*)::int` })
      .from(durableRuns)
      .where(sql`${inArray(durableRuns.id, runIds)} and ${durableRuns.status} not in ('completed', 'failed', 'cancelled')`);
    if ((row?.open ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function stepGaps(db: Database, runIds: string[]): Promise<number[]> {
  const rows = await db
    .select({ runId: durableSteps.runId, endedAt: durableSteps.endedAt })
    .from(durableSteps)
    .where(inArray(durableSteps.runId, runIds))
    .orderBy(asc(durableSteps.runId), asc(durableSteps.position));
  const gaps: number[] = [];
  for (let index = 1; index < rows.length; index++) {
    const [previous, current] = [rows[index - 1]!, rows[index]!];
    if (previous.runId === current.runId && previous.endedAt && current.endedAt) gaps.push(current.endedAt.getTime() - previous.endedAt.getTime());
  }
  return gaps;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const describeGaps = (gaps: number[]) => `p50 ${percentile(gaps, 50).toFixed(1)} ms, p95 ${percentile(gaps, 95).toFixed(1)} ms`;

async function measure(label: string, db: Database, workers: () => Promise<() => Promise<void>>): Promise<void> {
  const stop = await workers();
  try {
    const latencyGaps: number[] = [];
    for (let index = 0; index < LATENCY_RUNS; index++) {
      const runIds = await sendRuns(db, 1);
      await waitUntilDone(db, runIds);
      latencyGaps.push(...(await stepGaps(db, runIds)));
    }
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const runIds = await sendRuns(db, RUNS);
    await waitUntilDone(db, runIds);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const loadGaps = await stepGaps(db, runIds);
    console.log(`${label}
  step overhead, one run at a time (${LATENCY_RUNS} runs): ${describeGaps(latencyGaps)}
  throughput, ${RUNS} runs of 10 steps at once: ${(RUNS / seconds).toFixed(1)} runs/s (${((RUNS * 10) / seconds).toFixed(0)} steps/s); step overhead under load: ${describeGaps(loadGaps)}
  CPU of this process per step (SDK + executor${label.startsWith("PGlite") ? " + PGlite" : ""}; excludes worker children): ${((cpu.user + cpu.system) / 1000 / (RUNS * 11)).toFixed(2)} ms; machine load average ${os.loadavg()[0]?.toFixed(1)}`);
  } finally {
    await stop();
  }
}

async function freshPostgres(serverUrl: string): Promise<{ url: string; handle: DatabaseHandle; drop: () => Promise<void> }> {
  const name = `cf_bench_${Date.now().toString(36)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), { maxConnections: 10 });
  return {
    url: url.toString(),
    handle,
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

function spawnWorker(url: string): Promise<() => Promise<void>> {
  const child = spawn(process.execPath, ["--import", "tsx", new URL(import.meta.url).pathname, "--worker", url], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve) => {
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("READY")) resolve(async () => void child.kill("SIGTERM"));
    });
  });
}

async function runWorker(url: string): Promise<void> {
  const handle = await openPostgres(url, { maxConnections: 10 });
  const harness = await startApp(handle.db);
  process.stdout.write("READY\n");
  process.once("SIGTERM", () => void harness.stop().then(() => handle.close()).then(() => process.exit(0)));
}

async function main(): Promise<void> {
  const pglite = testDatabases.find((target) => target.name === "pglite")!;
  const memory = await pglite.open();
  await measure("PGlite (in memory), 1 process", memory.db, async () => {
    const harness = await startApp(memory.db);
    return () => harness.stop();
  });
  await memory.close();
  if (!SERVER_URL) {
    console.log("Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server to measure 1 and 2 worker processes.");
    return;
  }
  for (const workers of [1, 2]) {
    const database = await freshPostgres(SERVER_URL);
    await measure(`PostgreSQL, ${workers} worker process${workers > 1 ? "es" : ""}`, database.handle.db, async () => {
      const stops = await Promise.all(Array.from({ length: workers }, () => spawnWorker(database.url)));
      return async () => void (await Promise.all(stops.map((stop) => stop())));
    });
    await database.drop();
  }
}

if (process.argv[2] === "--worker") await runWorker(process.argv[3] ?? "");
else await main();
