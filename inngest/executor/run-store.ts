import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { durableRuns, durableSteps, type ConcurrencySlot, type RunStatus, type SerializedError, type StepStatus } from "@/db/schema";
import { evaluateExpression } from "@/inngest/executor/expression";
import { normaliseConcurrency, type RegisteredFunction } from "@/inngest/executor/function-config";
import { DISCOVERY_TARGET, enqueueJob } from "@/inngest/executor/job-queue";
import type { Queryable } from "@/inngest/executor/queryable";

/** Runs and their memoized steps. Callers hold the run's row lock (`lockRun`) while changing a run's state. */
export interface StoredEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  user?: Record<string, unknown>;
  ts: number;
}

export type Run = typeof durableRuns.$inferSelect;
export const ACTIVE_STATUSES: RunStatus[] = ["queued", "running", "sleeping", "waiting"];
export const isTerminal = (status: RunStatus) => !ACTIVE_STATUSES.includes(status);

export function organisationOf(event: StoredEvent): string | null {
  const value = event.data.organisationId;
  return typeof value === "string" && value ? value : null;
}

export async function createRun(
  db: Queryable,
  fn: RegisteredFunction,
  event: StoredEvent,
  options: { now: Date; organisationId?: string | null; parentRunId?: string; parentStepId?: string },
): Promise<string> {
  const id = randomUUID();
  const concurrency: ConcurrencySlot[] = normaliseConcurrency(fn.config).map((option) => {
    const scope = !option.scope || option.scope === "fn" ? `fn:${fn.id}` : option.scope;
    const key = option.key ? String(evaluateExpression(option.key, { event }) ?? "") : "";
    return { key: `${scope}:${key}`, limit: option.limit };
  });
  await db.insert(durableRuns).values({
    id,
    functionId: fn.id,
    organisationId: options.organisationId === undefined ? organisationOf(event) : options.organisationId,
    eventId: event.id,
    event: event as unknown as Record<string, unknown>,
    concurrency,
    parentRunId: options.parentRunId,
    parentStepId: options.parentStepId,
    createdAt: options.now,
  });
  await enqueueJob(db, { runId: id, kind: "call", target: DISCOVERY_TARGET, availableAt: options.now });
  return id;
}

export async function lockRun(db: Queryable, runId: string): Promise<Run | undefined> {
  const [run] = await db.select().from(durableRuns).where(eq(durableRuns.id, runId)).for("update");
  return run;
}

export async function getRun(db: Queryable, runId: string): Promise<Run | undefined> {
  const [run] = await db.select().from(durableRuns).where(eq(durableRuns.id, runId));
  return run;
}

export async function setRunStatus(db: Queryable, run: Run, status: RunStatus, now: Date): Promise<void> {
  if (run.status === status && run.startedAt) return;
  await db
    .update(durableRuns)
    .set({ status, startedAt: run.startedAt ?? now })
    .where(eq(durableRuns.id, run.id));
  run.status = status;
  run.startedAt ??= now;
}

export type MemoEntry = { data: unknown } | { error: SerializedError };

/** The `steps` object and completion order (`ctx.stack.stack`) of a call request. */
export async function loadMemo(db: Queryable, runId: string): Promise<{ steps: Record<string, MemoEntry>; stack: string[] }> {
  const rows = await db
    .select({ stepId: durableSteps.stepId, status: durableSteps.status, output: durableSteps.output, error: durableSteps.error })
    .from(durableSteps)
    .where(and(eq(durableSteps.runId, runId), inArray(durableSteps.status, ["completed", "failed"])))
    .orderBy(asc(durableSteps.position));
  const steps: Record<string, MemoEntry> = {};
  for (const row of rows) {
    steps[row.stepId] = row.status === "failed" && row.error ? { error: row.error } : { data: row.output ?? null };
  }
  return { steps, stack: rows.map((row) => row.stepId) };
}

export async function getStep(db: Queryable, runId: string, stepId: string) {
  const [step] = await db
    .select()
    .from(durableSteps)
    .where(and(eq(durableSteps.runId, runId), eq(durableSteps.stepId, stepId)));
  return step;
}

export interface StepUpdate {
  name: string;
  op: string;
  status: StepStatus;
  output?: unknown;
  error?: SerializedError | null;
  attempts?: number;
  waitEvent?: string | null;
  waitIf?: string | null;
  wakeAt?: Date | null;
  invokedRunId?: string | null;
  startedAt?: Date;
  endedAt?: Date | null;
}

/** Creates or updates a step; a step reaching completed/failed takes the next position in the run's memo order. */
export async function saveStep(db: Queryable, run: Run, stepId: string, update: StepUpdate): Promise<void> {
  const settled = update.status === "completed" || update.status === "failed";
  const position = settled
    ? sql<number>`(select coalesce(max(${durableSteps.position}), 0) + 1 from ${durableSteps} where ${durableSteps.runId} = ${run.id})`
    : undefined;
  const values = { ...update, output: update.output === undefined ? null : update.output, position };
  await db
    .insert(durableSteps)
    .values({ runId: run.id, stepId, ...values, startedAt: update.startedAt ?? new Date() })
    .onConflictDoUpdate({
      target: [durableSteps.runId, durableSteps.stepId],
      set: { ...values, name: update.name, startedAt: sql`${durableSteps.startedAt}` },
    });
}
