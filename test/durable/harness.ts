import { eq } from "drizzle-orm";
import { Inngest, type InngestFunction } from "inngest";
import { serve } from "inngest/next";
import type { Database } from "@/db/database";
import { durableRuns, durableSteps } from "@/db/schema";
import { createEmbeddedFetch } from "@/inngest/executor/embedded-fetch";
import { handleIntakeRequest } from "@/inngest/executor/intake";
import { startEmbeddedExecutor, type EmbeddedExecutor, type EmbeddedExecutorOptions } from "@/inngest/executor/start";

/**
 * An app and the embedded executor wired together in-process: the client sends events to the executor's intake,
 * and the executor drives the real `inngest/next` serve handler with real Requests.
 */
export const TEST_ORIGIN = "http://app.test";
export const TEST_BASE_URL = `${TEST_ORIGIN}/api/inngest/`;
export const TEST_SERVE_URL = `${TEST_ORIGIN}/api/inngest`;

export function createTestClient(db: () => Database, options: { signingKey?: string; eventKey?: string } = {}) {
  return new Inngest({
    id: "test-app",
    isDev: !options.signingKey,
    signingKey: options.signingKey,
    eventKey: options.eventKey ?? "test-key",
    baseUrl: TEST_BASE_URL,
    fetch: createEmbeddedFetch(TEST_BASE_URL, (request) =>
      handleIntakeRequest(request, { db: db(), signingKey: options.signingKey, eventKey: options.signingKey ? options.eventKey : undefined, serveUrl: TEST_SERVE_URL }),
    ),
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined },
  });
}

export interface Harness {
  executor: EmbeddedExecutor;
  /** Every request the executor sent to the serve handler, with the handler's answer status. */
  calls: { url: URL; status: number; body: Record<string, unknown>; durationMs: number }[];
  stop(): Promise<void>;
}

export async function startHarness(
  db: Database,
  client: Inngest.Any,
  functions: InngestFunction.Any[],
  options: Partial<EmbeddedExecutorOptions> = {},
): Promise<Harness> {
  const handler = serve({ client, functions });
  const calls: Harness["calls"] = [];
  const transport = async (request: Request) => {
    const body = request.method === "POST" ? ((await request.clone().json()) as Record<string, unknown>) : {};
    const started = performance.now();
    const response = await (request.method === "PUT" ? handler.PUT : handler.POST)(request as never, undefined as never);
    const durationMs = performance.now() - started;
    if (request.method === "POST") calls.push({ url: new URL(request.url), status: response.status, body, durationMs });
    return response;
  };
  const executor = await startEmbeddedExecutor({
    db,
    serveUrl: TEST_SERVE_URL,
    transport,
    pollMs: 20,
    leaseMs: 2000,
    retry: { initialMs: 20, factor: 2, maxMs: 200 },
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    ...options,
  });
  await executor.synced;
  return { executor, calls, stop: () => executor.stop() };
}

export async function waitForRun(db: Database, runId: string, statuses: string[] = ["completed", "failed", "cancelled"], timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [run] = await db.select().from(durableRuns).where(eq(durableRuns.id, runId));
    if (run && statuses.includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} is ${run?.status ?? "missing"}, expected ${statuses.join("|")}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

export async function runsOf(db: Database, functionId: string) {
  return db.select().from(durableRuns).where(eq(durableRuns.functionId, functionId));
}

export async function waitForRunsOf(db: Database, functionId: string, count: number, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const runs = await runsOf(db, functionId);
    if (runs.length >= count) return runs;
    if (Date.now() > deadline) throw new Error(`expected ${count} runs of ${functionId}, found ${runs.length}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

export async function stepsOf(db: Database, runId: string) {
  return db.select().from(durableSteps).where(eq(durableSteps.runId, runId));
}
