import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/database";
import { durableRuns, durableSteps } from "@/db/schema";
import { openEmbedded } from "@/db/open-embedded";
import { openPostgres } from "@/db/open-postgres";

/**
 * SIGKILLs the process running a multi-step function twice (in the middle of a step, then during its sleep),
 * starts a fresh process each time, and checks the run completes with every step's side effect exactly once.
 */
const WORKER = path.join(process.cwd(), "test", "durable", "crash-worker.ts");


function startWorker(target: string, mode: "send" | "resume") {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER, target, mode], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_ENV: "test" } });
  const lines: string[] = [];
  const waiters: { line: string; resolve: () => void }[] = [];
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean)) {
      lines.push(line);
      for (const waiter of waiters.filter((candidate) => candidate.line === line)) waiter.resolve();
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const waitFor = (line: string, timeoutMs = 60_000) =>
    lines.includes(line)
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`worker never printed ${line}; output: ${lines.join(" | ")} ${stderr}`)), timeoutMs);
          waiters.push({ line, resolve: () => (clearTimeout(timer), resolve()) });
        });
  return { child, lines, waitFor, exited, kill: (c: ChildProcess = child) => c.kill("SIGKILL") };
}

async function crashTwiceAndRecover(target: string) {
  const first = startWorker(target, "send");
  await first.waitFor("ENTER s2");
  first.kill();
  await first.exited;

  const second = startWorker(target, "resume");
  await second.waitFor("SLEEPING");
  second.kill();
  await second.exited;
  expect(second.lines).toContain("DONE s2");
  expect(second.lines).not.toContain("ENTER s3");

  const third = startWorker(target, "resume");
  await third.waitFor("COMPLETED");
  expect(await third.exited).toBe(0);
  return { first, second, third };
}

async function assertExactlyOnce(handle: DatabaseHandle) {
  const [run] = await handle.db.select().from(durableRuns).where(eq(durableRuns.functionId, "test-app-crashy"));
  expect(run).toMatchObject({ status: "completed", output: ["s1", "s2", "s3", "s4", "s5"] });
  const effects = await handle.db.execute<{ step: string }>(sql`select step from crash_side_effect order by step`);
  const rows = (Array.isArray(effects) ? effects : (effects as unknown as { rows: { step: string }[] }).rows) as { step: string }[];
  expect(rows.map((row) => row.step)).toEqual(["s1", "s2", "s3", "s4", "s5"]);
  const steps = await handle.db.select().from(durableSteps).where(eq(durableSteps.runId, run!.id));
  expect(steps.every((step) => step.status === "completed" && step.attempts <= 1)).toBe(true);
  expect(steps).toHaveLength(6);
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe("crash recovery", () => {
  it("PGlite in a data directory: a killed process loses no run and repeats no completed step", { timeout: 180_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cf-crash-"));
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    await crashTwiceAndRecover(dir);
    const handle = await openEmbedded(dir);
    try {
      await assertExactlyOnce(handle);
    } finally {
      await handle.close();
    }
  });

  it.runIf(process.env.TEST_DATABASE_URL)("PostgreSQL: a killed process loses no run and repeats no completed step", { timeout: 180_000 }, async () => {
    const server = process.env.TEST_DATABASE_URL as string;
    const name = `cf_crash_${Date.now().toString(36)}`;
    const admin = postgres(server, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database ${name}`);
    cleanups.push(async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    });
    const url = new URL(server);
    url.pathname = `/${name}`;
    await crashTwiceAndRecover(url.toString());
    const handle = await openPostgres(url.toString(), { maxConnections: 2 });
    try {
      await assertExactlyOnce(handle);
    } finally {
      await handle.close();
    }
  });
});
