import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { durableRuns, type RunStatus, type SerializedError } from "@/db/schema";
import { toSerializedError, type Op } from "@/inngest/executor/call-function";
import { resolveInstant } from "@/inngest/executor/duration";
import { finishRun } from "@/inngest/executor/finish-run";
import { findFunctions } from "@/inngest/executor/function-registry";
import { enqueueJob, retryJobLater, type ClaimedJob } from "@/inngest/executor/job-queue";
import type { Transaction } from "@/inngest/executor/queryable";
import { nextAttemptAt, type RetryPolicy } from "@/inngest/executor/retry-policy";
import { createRun, getStep, saveStep, type MemoEntry, type Run } from "@/inngest/executor/run-store";

/**
 * Acts on the ops of one 206 answer (SDK spec 5.3): memoizes StepRun/StepFailed, schedules StepError retries,
 * queues StepPlanned steps, and parks the run on Sleep, WaitForEvent and InvokeFunction until a wake job,
 * an event or the invoked run resumes it.
 */
export interface OpsContext {
  tx: Transaction;
  run: Run;
  job: ClaimedJob;
  maxAttempts: number;
  retriable: boolean;
  retryAfter?: string;
  retry: RetryPolicy;
  startedAt: Date;
  now: Date;
}

export interface OpsOutcome {
  /** A step settled, so the SDK must be called again to discover what comes next. */
  needsDiscovery: boolean;
  /** The current job was rescheduled for a retry and must not be finished. */
  jobRescheduled: boolean;
  runFinished: boolean;
  parkedAs?: RunStatus;
  /** Memo entries this answer added, in order, so a continuing call need not reload the memo. */
  settled: [string, MemoEntry][];
}

export async function applyOps(ops: Op[], ctx: OpsContext): Promise<OpsOutcome> {
  const outcome: OpsOutcome = { needsDiscovery: false, jobRescheduled: false, runFinished: false, settled: [] };
  const { tx, run, now } = ctx;
  if (ops.length > 1 && !run.disableImmediateExecution) {
    await tx.update(durableRuns).set({ disableImmediateExecution: true }).where(eq(durableRuns.id, run.id));
    run.disableImmediateExecution = true;
  }
  for (const op of ops) {
    const name = op.displayName ?? op.name ?? op.id;
    const priorAttempts = ctx.job.target === op.id ? ctx.job.attempt : 0;
    const base = { name, op: op.op, startedAt: ctx.startedAt };
    switch (op.op) {
      case "StepRun":
        await saveStep(tx, run, op.id, { ...base, status: "completed", output: op.data ?? null, error: null, attempts: priorAttempts + 1, endedAt: now });
        outcome.settled.push([op.id, { data: op.data ?? null }]);
        outcome.needsDiscovery = true;
        break;
      case "StepError": {
        const attempts = priorAttempts + 1;
        const error = toSerializedError(op.error);
        if (!ctx.retriable || attempts >= ctx.maxAttempts) {
          await saveStep(tx, run, op.id, { ...base, status: "failed", error, attempts, endedAt: now });
          outcome.settled.push([op.id, { error }]);
          outcome.needsDiscovery = true;
          break;
        }
        await saveStep(tx, run, op.id, { ...base, status: "errored", error, attempts, endedAt: now });
        const availableAt = nextAttemptAt(ctx.retry, attempts, now, ctx.retryAfter);
        if (ctx.job.target === op.id) {
          await retryJobLater(tx, ctx.job, availableAt, attempts);
          outcome.jobRescheduled = true;
        } else await enqueueJob(tx, { runId: run.id, kind: "call", target: op.id, availableAt, attempt: attempts });
        break;
      }
      case "StepFailed": {
        const error = toSerializedError(op.error);
        await saveStep(tx, run, op.id, { ...base, status: "failed", error, attempts: priorAttempts + 1, endedAt: now });
        outcome.settled.push([op.id, { error }]);
        outcome.needsDiscovery = true;
        break;
      }
      case "StepPlanned":
        if (await getStep(tx, run.id, op.id)) break;
        await saveStep(tx, run, op.id, { ...base, status: "planned", startedAt: now });
        await enqueueJob(tx, { runId: run.id, kind: "call", target: op.id, availableAt: now });
        break;
      case "Sleep": {
        if (await getStep(tx, run.id, op.id)) break;
        const wakeAt = resolveInstant(String(op.opts?.duration ?? op.name ?? ""), now);
        await saveStep(tx, run, op.id, { ...base, status: "sleeping", wakeAt, startedAt: now });
        await enqueueJob(tx, { runId: run.id, kind: "wake", target: op.id, availableAt: wakeAt });
        outcome.parkedAs ??= "sleeping";
        break;
      }
      case "WaitForEvent": {
        if (await getStep(tx, run.id, op.id)) break;
        const wakeAt = resolveInstant(String(op.opts?.timeout ?? ""), now);
        const waitEvent = String(op.opts?.event ?? op.name ?? "");
        const waitIf = typeof op.opts?.if === "string" ? op.opts.if : null;
        await saveStep(tx, run, op.id, { ...base, status: "waiting", waitEvent, waitIf, wakeAt, startedAt: now });
        await enqueueJob(tx, { runId: run.id, kind: "wake", target: op.id, availableAt: wakeAt });
        outcome.parkedAs = "waiting";
        break;
      }
      case "InvokeFunction": {
        if (await getStep(tx, run.id, op.id)) break;
        const failed = await startInvocation(op, name, ctx);
        if (failed) outcome.settled.push([op.id, { error: failed }]);
        else outcome.parkedAs = "waiting";
        outcome.needsDiscovery ||= Boolean(failed);
        break;
      }
      case "RunComplete":
        await finishRun(tx, run, { status: "completed", output: op.data ?? null }, now);
        outcome.runFinished = true;
        return outcome;
      default: {
        const message = op.op === "StepNotFound"
          ? `Step "${name}" could not be found when the executor asked to run it; the function changed or is not deterministic.`
          : `The embedded executor does not support the "${op.op}" step; run a real Inngest server for it.`;
        await finishRun(tx, run, { status: "failed", error: { name: "UnsupportedStep", message } }, now);
        outcome.runFinished = true;
        return outcome;
      }
    }
  }
  return outcome;
}

/** Starts the invoked run; returns the step's error when it failed at once (unknown function). */
async function startInvocation(op: Op, name: string, ctx: OpsContext): Promise<SerializedError | undefined> {
  const { tx, run, now } = ctx;
  const functionId = String(op.opts?.function_id ?? "");
  const target = (await findFunctions(tx, [functionId])).get(functionId);
  const base = { name, op: op.op, startedAt: now };
  if (!target) {
    const error = { name: "InngestInvokeError", message: `Function "${functionId}" is not registered.` };
    await saveStep(tx, run, op.id, { ...base, status: "failed", error, attempts: 1, endedAt: now });
    return error;
  }
  const payload = (op.opts?.payload ?? {}) as { data?: Record<string, unknown>; user?: Record<string, unknown> };
  const event = { id: randomUUID(), name: "inngest/function.invoked", data: payload.data ?? {}, user: payload.user, ts: now.getTime() };
  const organisationId = typeof event.data.organisationId === "string" ? event.data.organisationId : run.organisationId;
  const childId = await createRun(tx, target, event, { now, organisationId, parentRunId: run.id, parentStepId: op.id });
  const timeout = typeof op.opts?.timeout === "string" ? resolveInstant(op.opts.timeout, now) : null;
  await saveStep(tx, run, op.id, { ...base, status: "invoking", invokedRunId: childId, wakeAt: timeout });
  if (timeout) await enqueueJob(tx, { runId: run.id, kind: "wake", target: op.id, availableAt: timeout });
  return undefined;
}
