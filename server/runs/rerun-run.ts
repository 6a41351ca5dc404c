import "server-only";
import type { Database } from "@/db/database";
import type { Caller } from "@/server/auth/caller";
import { AppError } from "@/server/errors/app-error";
import { findFunctions } from "@/inngest/executor/function-registry";
import { createRun, getRun, type StoredEvent } from "@/inngest/executor/run-store";
import { signalWork } from "@/inngest/executor/signals";

/** Starts a new run of the same function with the same triggering event. */
export async function rerunRun(db: Database, caller: Caller, runId: string): Promise<{ runId: string }> {
  const run = await getRun(db, runId);
  if (!run || run.organisationId !== caller.organisationId) throw new AppError("not_found", "No run with this id in your organisation.");
  const fn = (await findFunctions(db, [run.functionId])).get(run.functionId);
  if (!fn) throw new AppError("conflict", "This function is no longer registered, so it cannot be run again.");
  const newRunId = await db.transaction((tx) =>
    createRun(tx, fn, run.event as unknown as StoredEvent, { now: new Date(), organisationId: run.organisationId }),
  );
  signalWork();
  return { runId: newRunId };
}
