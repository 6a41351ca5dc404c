import { randomUUID } from "node:crypto";
import { and, eq, gte, inArray } from "drizzle-orm";
import type { Database } from "@/db/database";
import { durableEvents, durableRuns, durableSteps } from "@/db/schema";
import { parseTimeStringMs } from "@/inngest/executor/duration";
import { evaluateExpression } from "@/inngest/executor/expression";
import { finishRun } from "@/inngest/executor/finish-run";
import type { RegisteredFunction } from "@/inngest/executor/function-config";
import { listFunctions } from "@/inngest/executor/function-registry";
import { DISCOVERY_TARGET, deleteJob, enqueueJob } from "@/inngest/executor/job-queue";
import type { Transaction } from "@/inngest/executor/queryable";
import { ACTIVE_STATUSES, createRun, lockRun, organisationOf, saveStep, setRunStatus, type StoredEvent } from "@/inngest/executor/run-store";

/**
 * Event intake: stores each event once (a repeated event id is ignored, as Inngest does), starts the runs it
 * triggers, resolves `waitForEvent` steps it matches and cancels runs whose `cancelOn` it matches. An event
 * that names an organisation (`data.organisationId`) reaches only that organisation's runs, whatever the
 * wait or cancel expression says.
 */
export interface IncomingEvent {
  id?: string;
  name: string;
  data?: Record<string, unknown>;
  user?: Record<string, unknown>;
  ts?: number;
}

export function normaliseEvent(event: IncomingEvent, now: Date): StoredEvent {
  return { id: event.id || randomUUID(), name: event.name, data: event.data ?? {}, user: event.user, ts: event.ts ?? now.getTime() };
}

export async function acceptEvents(db: Database, incoming: IncomingEvent[], now = new Date()): Promise<{ ids: string[]; runIds: string[] }> {
  const events = incoming.map((event) => normaliseEvent(event, now));
  const functions = await listFunctions(db);
  const runIds = await db.transaction((tx) => acceptEventsInTransaction(tx, events, now, functions));
  return { ids: events.map((event) => event.id), runIds };
}

export async function acceptEventsInTransaction(
  tx: Transaction,
  events: StoredEvent[],
  now: Date,
  functions?: RegisteredFunction[],
): Promise<string[]> {
  const registered = functions ?? (await listFunctions(tx));
  const runIds: string[] = [];
  for (const event of events) {
    const inserted = await tx
      .insert(durableEvents)
      .values({ id: event.id, name: event.name, data: event.data, user: event.user, ts: event.ts, organisationId: organisationOf(event), receivedAt: now })
      .onConflictDoNothing()
      .returning({ id: durableEvents.id });
    if (inserted.length === 0) continue;
    runIds.push(...(await startTriggeredRuns(tx, registered, event, now)));
    await resolveWaits(tx, event, now);
    await cancelMatchingRuns(tx, registered, event, now);
  }
  return runIds;
}

function matches(expression: string | undefined, scope: Record<string, unknown>): boolean {
  if (!expression) return true;
  try {
    return Boolean(evaluateExpression(expression, scope));
  } catch {
    return false;
  }
}

async function startTriggeredRuns(tx: Transaction, functions: RegisteredFunction[], event: StoredEvent, now: Date): Promise<string[]> {
  const started: string[] = [];
  for (const fn of functions) {
    const triggered = fn.config.triggers.some((trigger) => "event" in trigger && trigger.event === event.name && matches(trigger.expression, { event }));
    if (!triggered) continue;
    const organisationId = event.name === "inngest/function.failed" ? ((event.data.organisationId as string | null) ?? null) : undefined;
    started.push(await createRun(tx, fn, event, { now, organisationId }));
  }
  return started;
}

/** Runs of the event's organisation only, when it names one. */
function sameOrganisation(event: StoredEvent) {
  const organisationId = organisationOf(event);
  return organisationId === null ? undefined : eq(durableRuns.organisationId, organisationId);
}

async function resolveWaits(tx: Transaction, event: StoredEvent, now: Date): Promise<void> {
  const waiting = await tx
    .select({ step: durableSteps, runEvent: durableRuns.event })
    .from(durableSteps)
    .innerJoin(durableRuns, eq(durableRuns.id, durableSteps.runId))
    .where(and(eq(durableSteps.status, "waiting"), eq(durableSteps.waitEvent, event.name), sameOrganisation(event)));
  for (const { step, runEvent } of waiting) {
    if (!matches(step.waitIf ?? undefined, { event: runEvent, async: event })) continue;
    const run = await lockRun(tx, step.runId);
    if (!run || !ACTIVE_STATUSES.includes(run.status)) continue;
    const current = await tx
      .update(durableSteps)
      .set({ status: "planned" })
      .where(and(eq(durableSteps.runId, step.runId), eq(durableSteps.stepId, step.stepId), eq(durableSteps.status, "waiting")))
      .returning({ stepId: durableSteps.stepId });
    if (current.length === 0) continue;
    await saveStep(tx, run, step.stepId, { name: step.name, op: step.op, status: "completed", output: event, endedAt: now });
    await deleteJob(tx, run.id, "wake", step.stepId);
    await enqueueJob(tx, { runId: run.id, kind: "call", target: DISCOVERY_TARGET, availableAt: now });
    await setRunStatus(tx, run, "running", now);
  }
}

async function cancelMatchingRuns(tx: Transaction, functions: RegisteredFunction[], event: StoredEvent, now: Date): Promise<void> {
  for (const fn of functions) {
    for (const cancel of fn.config.cancel ?? []) {
      if (cancel.event !== event.name) continue;
      const timeoutMs = cancel.timeout ? parseTimeStringMs(cancel.timeout) : undefined;
      const since = new Date(now.getTime() - (timeoutMs ?? 366 * 86_400_000));
      const runs = await tx
        .select({ id: durableRuns.id, event: durableRuns.event })
        .from(durableRuns)
        .where(and(eq(durableRuns.functionId, fn.id), inArray(durableRuns.status, ACTIVE_STATUSES), gte(durableRuns.createdAt, since), sameOrganisation(event)));
      for (const candidate of runs) {
        if (!matches(cancel.if, { event: candidate.event, async: event })) continue;
        const run = await lockRun(tx, candidate.id);
        if (run && ACTIVE_STATUSES.includes(run.status)) await finishRun(tx, run, { status: "cancelled" }, now);
      }
    }
  }
}
