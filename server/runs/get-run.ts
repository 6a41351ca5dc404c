import "server-only";
import type { Database } from "@/db/database";
import type { Caller } from "@/server/auth/caller";
import { AppError } from "@/server/errors/app-error";
import { findRunRow, listStepRows } from "@/server/runs/run-repository";
import { toRunDetail, type RunDetail } from "@/server/runs/run-views";

export async function getRunOrThrow(db: Database, caller: Caller, runId: string): Promise<RunDetail> {
  const row = await findRunRow(db, caller.organisationId, runId);
  if (!row) throw new AppError("not_found", "No run with this id in your organisation.");
  return toRunDetail(row.run, row.functionName, await listStepRows(db, runId));
}
