import { and, eq } from "drizzle-orm";
import { durableRuns, durableSteps, type RunStatus, type SerializedError } from "@/db/schema";
import { acceptEventsInTransaction } from "@/inngest/executor/accept-events";
import { DISCOVERY_TARGET, deleteRunJobs, enqueueJob } from "@/inngest/executor/job-queue";
import type { Transaction } from "@/inngest/executor/queryable";
import { lockRun, saveStep, setRunStatus, type Run, type StoredEvent } from "@/inngest/executor/run-store";

/**
 * Ends a run: stores output or error, drops its queued jobs, answers an invoking parent run, and for a
 * failure emits `inngest/function.failed`, which triggers the function's `onFailure` handler if it has one.
 */
export const FAILURE_SUFFIX = "-failure";

type Outcome = { status: "completed"; output: unknown } | { status: "failed"; error: SerializedError } | { status: "cancelled" };

export async function finishRun(tx: Transaction, run: Run, outcome: Outcome, now: Date): Promise<boolean> {
  const status: RunStatus = outcome.status;
  const updated = await tx
    .update(durableRuns)
    .set({
      status,
      output: outcome.status === "completed" ? (outcome.output ?? null) : null,
      error: outcome.status === "failed" ? outcome.error : outcome.status === "cancelled" ? { name: "Cancelled", message: "The run was cancelled." } : null,
      endedAt: now,
      startedAt: run.startedAt ?? now,
    })
    .where(and(eq(durableRuns.id, run.id), eq(durableRuns.status, run.status)))
    .returning({ id: durableRuns.id });
  if (updated.length === 0) return false;
  run.status = status;
  await deleteRunJobs(tx, run.id);
  if (run.parentRunId && run.parentStepId) await answerParent(tx, run, outcome, now);
  if (outcome.status === "failed" && !run.functionId.endsWith(FAILURE_SUFFIX)) {
    await acceptEventsInTransaction(tx, [failureEvent(run, outcome.error, now)], now);
  }
  return true;
}

function failureEvent(run: Run, error: SerializedError, now: Date): StoredEvent {
  return {
    id: `failed-${run.id}`,
    name: "inngest/function.failed",
    ts: now.getTime(),
    data: { function_id: run.functionId, run_id: run.id, error, event: run.event, organisationId: run.organisationId },
  };
}

async function answerParent(tx: Transaction, child: Run, outcome: Outcome, now: Date): Promise<void> {
  const parent = await lockRun(tx, child.parentRunId as string);
  if (!parent || !["running", "waiting", "sleeping", "queued"].includes(parent.status)) return;
  const [step] = await tx
    .select()
    .from(durableSteps)
    .where(and(eq(durableSteps.runId, parent.id), eq(durableSteps.stepId, child.parentStepId as string), eq(durableSteps.status, "invoking")));
  if (!step) return;
  const error: SerializedError =
    outcome.status === "failed" ? outcome.error : { name: "InngestInvokeError", message: "The invoked run was cancelled." };
  await saveStep(tx, parent, step.stepId, {
    name: step.name,
    op: step.op,
    status: outcome.status === "completed" ? "completed" : "failed",
    output: outcome.status === "completed" ? outcome.output : undefined,
    error: outcome.status === "completed" ? null : error,
    endedAt: now,
  });
  await enqueueJob(tx, { runId: parent.id, kind: "call", target: DISCOVERY_TARGET, availableAt: now });
  await setRunStatus(tx, parent, "running", now);
}
