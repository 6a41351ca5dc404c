import type { Database } from "@/db/database";
import { durableJobs } from "@/db/schema";
import { eq } from "drizzle-orm";
import { applyOps } from "@/inngest/executor/apply-ops";
import { callFunction, type CallOptions, type CallResult } from "@/inngest/executor/call-function";
import { finishRun } from "@/inngest/executor/finish-run";
import { maxAttemptsOf } from "@/inngest/executor/function-config";
import { findFunctions } from "@/inngest/executor/function-registry";
import { DISCOVERY_TARGET, enqueueJob, finishJob, retryJobLater, type ClaimedJob } from "@/inngest/executor/job-queue";
import type { Transaction } from "@/inngest/executor/queryable";
import { nextAttemptAt, type RetryPolicy } from "@/inngest/executor/retry-policy";
import { getRun, getStep, isTerminal, loadMemo, lockRun, saveStep, setRunStatus, type MemoEntry, type Run, type StoredEvent } from "@/inngest/executor/run-store";

/**
 * Runs one claimed job to the end of its turn. A discovery call that settles a step continues in place with the
 * next call for the same run (no trip through the queue); everything else goes back to the queue.
 */
export interface ProcessDeps {
  db: Database;
  call: CallOptions;
  retry: RetryPolicy;
  /** Delay before calling again a serve endpoint that could not be reached (the app is restarting). */
  unreachableRetryMs: number;
}

/** What a continuing call already knows: the run as of the last transaction and its memo. */
interface Carry {
  run: Run;
  memo: { steps: Record<string, MemoEntry>; stack: string[] };
}
type Next = { job: ClaimedJob; carry?: Carry } | undefined;

export async function processJob(deps: ProcessDeps, job: ClaimedJob): Promise<void> {
  let next: Next = { job };
  while (next) next = next.job.kind === "wake" ? await processWake(deps, next.job) : await processCall(deps, next.job, next.carry);
}

async function processCall(deps: ProcessDeps, job: ClaimedJob, carry?: Carry): Promise<Next> {
  const { db } = deps;
  const run = carry?.run ?? (await getRun(db, job.runId));
  if (!run || isTerminal(run.status)) {
    await finishJob(db, job);
    return undefined;
  }
  const fn = (await findFunctions(db, [run.functionId])).get(run.functionId);
  const memo = carry?.memo ?? (await loadMemo(db, run.id));
  const startedAt = new Date();
  if (run.status === "queued") await setRunStatus(db, run, "running", startedAt);
  const maxAttempts = fn ? maxAttemptsOf(fn.config) : 1;
  const result: CallResult = fn
    ? await callFunction(
        {
          url: fn.url,
          target: job.target,
          runId: run.id,
          event: run.event as unknown as StoredEvent,
          steps: memo.steps,
          stack: memo.stack,
          attempt: job.attempt,
          maxAttempts,
          disableImmediateExecution: run.disableImmediateExecution,
        },
        deps.call,
      )
    : { kind: "error", retriable: false, error: { name: "FunctionNotFound", message: `Function "${run.functionId}" is no longer registered.` } };
  return db.transaction(async (tx) => {
    const locked = await lockRun(tx, run.id);
    if (!locked || isTerminal(locked.status)) {
      await finishJob(tx, job);
      return undefined;
    }
    return applyResult(tx, deps, { run: locked, job, result, maxAttempts, startedAt, memo });
  });
}

interface ResultContext {
  run: Run;
  job: ClaimedJob;
  result: CallResult;
  maxAttempts: number;
  startedAt: Date;
  memo: Carry["memo"];
}

async function applyResult(tx: Transaction, deps: ProcessDeps, { run, job, result, maxAttempts, startedAt, memo }: ResultContext): Promise<Next> {
  const now = new Date();
  if (result.kind === "completed") {
    await finishRun(tx, run, { status: "completed", output: result.output }, now);
    return undefined;
  }
  if (result.kind === "unreachable") {
    await retryJobLater(tx, job, new Date(now.getTime() + deps.unreachableRetryMs), job.attempt);
    return undefined;
  }
  if (result.kind === "error") {
    const failedAttempts = job.attempt + 1;
    if (!result.retriable || failedAttempts >= maxAttempts) {
      await finishRun(tx, run, { status: "failed", error: result.error }, now);
      return undefined;
    }
    if (job.target !== DISCOVERY_TARGET) {
      const step = await getStep(tx, run.id, job.target);
      await saveStep(tx, run, job.target, { name: step?.name ?? job.target, op: step?.op ?? "StepRun", status: "errored", error: result.error, attempts: failedAttempts, endedAt: now });
    }
    await retryJobLater(tx, job, nextAttemptAt(deps.retry, failedAttempts, now, result.retryAfter), failedAttempts);
    return undefined;
  }
  const outcome = await applyOps(result.ops, { tx, run, job, maxAttempts, retriable: result.retriable, retryAfter: result.retryAfter, retry: deps.retry, startedAt, now });
  if (outcome.runFinished) return undefined;
  await setRunStatus(tx, run, outcome.needsDiscovery || !outcome.parkedAs ? "running" : outcome.parkedAs, now);
  if (outcome.jobRescheduled) return undefined;
  if (outcome.needsDiscovery && job.target === DISCOVERY_TARGET) {
    if (job.attempt !== 0) await tx.update(durableJobs).set({ attempt: 0 }).where(eq(durableJobs.id, job.id));
    const steps = { ...memo.steps, ...Object.fromEntries(outcome.settled) };
    return { job: { ...job, attempt: 0 }, carry: { run, memo: { steps, stack: [...memo.stack, ...outcome.settled.map(([id]) => id)] } } };
  }
  await finishJob(tx, job);
  if (outcome.needsDiscovery) await enqueueJob(tx, { runId: run.id, kind: "call", target: DISCOVERY_TARGET, availableAt: now });
  return undefined;
}

/** A sleep ended, a wait timed out (memoized as null) or an invocation timed out (memoized as an error). */
async function processWake(deps: ProcessDeps, job: ClaimedJob): Promise<undefined> {
  await deps.db.transaction(async (tx) => {
    const run = await lockRun(tx, job.runId);
    const step = run && !isTerminal(run.status) ? await getStep(tx, run.id, job.target) : undefined;
    if (run && step && ["sleeping", "waiting", "invoking"].includes(step.status)) {
      const now = new Date();
      const timedOut = step.status === "invoking";
      await saveStep(tx, run, step.stepId, {
        name: step.name,
        op: step.op,
        status: timedOut ? "failed" : "completed",
        output: null,
        error: timedOut ? { name: "InngestInvokeTimeoutError", message: "Timed out waiting for the invoked function to complete." } : null,
        endedAt: now,
      });
      await enqueueJob(tx, { runId: run.id, kind: "call", target: DISCOVERY_TARGET, availableAt: now });
      await setRunStatus(tx, run, "running", now);
    }
    await finishJob(tx, job);
  });
  return undefined;
}
