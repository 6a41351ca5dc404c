import "server-only";
import type { Database } from "@/db/database";
import type { Caller } from "@/server/auth/caller";
import { AppError } from "@/server/errors/app-error";
import { finishRun } from "@/inngest/executor/finish-run";
import { isTerminal, lockRun } from "@/inngest/executor/run-store";

/** Cancels an active run: its queued work is dropped, and a step in flight has its result ignored. */
export async function cancelRun(db: Database, caller: Caller, runId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const run = await lockRun(tx, runId);
    if (!run || run.organisationId !== caller.organisationId) throw new AppError("not_found", "No run with this id in your organisation.");
    if (isTerminal(run.status)) throw new AppError("conflict", `This run has already ${run.status === "cancelled" ? "been cancelled" : run.status}.`);
    await finishRun(tx, run, { status: "cancelled" }, new Date());
  });
}
