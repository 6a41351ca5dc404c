import "server-only";
import { and, asc, desc, eq, inArray, lt } from "drizzle-orm";
import type { Database } from "@/db/database";
import { durableFunctions, durableRuns, durableSteps, type RunStatus } from "@/db/schema";

/** Reads of the embedded executor's runs, always scoped to one organisation. */
export function listRunRows(db: Database, organisationId: string, options: { limit: number; before?: Date; statuses?: RunStatus[] }) {
  return db
    .select({ run: durableRuns, functionName: durableFunctions.name })
    .from(durableRuns)
    .leftJoin(durableFunctions, eq(durableFunctions.id, durableRuns.functionId))
    .where(
      and(
        eq(durableRuns.organisationId, organisationId),
        options.before ? lt(durableRuns.createdAt, options.before) : undefined,
        options.statuses?.length ? inArray(durableRuns.status, options.statuses) : undefined,
      ),
    )
    .orderBy(desc(durableRuns.createdAt))
    .limit(options.limit);
}

export async function findRunRow(db: Database, organisationId: string, runId: string) {
  const [row] = await db
    .select({ run: durableRuns, functionName: durableFunctions.name })
    .from(durableRuns)
    .leftJoin(durableFunctions, eq(durableFunctions.id, durableRuns.functionId))
    .where(and(eq(durableRuns.id, runId), eq(durableRuns.organisationId, organisationId)));
  return row;
}

export function listStepRows(db: Database, runId: string) {
  return db
    .select()
    .from(durableSteps)
    .where(eq(durableSteps.runId, runId))
    .orderBy(asc(durableSteps.startedAt), asc(durableSteps.position));
}
