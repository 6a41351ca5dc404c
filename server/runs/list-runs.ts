import "server-only";
import type { Database } from "@/db/database";
import type { RunStatus } from "@/db/schema";
import type { Caller } from "@/server/auth/caller";
import { listRunRows } from "@/server/runs/run-repository";
import { toRunSummary, type RunSummary } from "@/server/runs/run-views";

export async function listRuns(
  db: Database,
  caller: Caller,
  options: { limit: number; before?: string; statuses?: RunStatus[] },
): Promise<{ runs: RunSummary[]; nextCursor: string | null }> {
  const rows = await listRunRows(db, caller.organisationId, { limit: options.limit + 1, before: options.before ? new Date(options.before) : undefined, statuses: options.statuses });
  const runs = rows.slice(0, options.limit).map((row) => toRunSummary(row.run, row.functionName));
  return { runs, nextCursor: rows.length > options.limit ? (runs.at(-1)?.createdAt ?? null) : null };
}
