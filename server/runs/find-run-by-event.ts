import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/database";
import { durableRuns } from "@/db/schema";

/** The run an event started (embedded executor: runs are created when the event is accepted). */
export async function findRunByEvent(db: Database, organisationId: string, eventId: string) {
  const [run] = await db
    .select({ id: durableRuns.id, status: durableRuns.status, output: durableRuns.output, error: durableRuns.error })
    .from(durableRuns)
    .where(and(eq(durableRuns.eventId, eventId), eq(durableRuns.organisationId, organisationId)))
    .limit(1);
  return run;
}

export async function findRunIdByEvent(db: Database, organisationId: string, eventId: string): Promise<string | null> {
  return (await findRunByEvent(db, organisationId, eventId))?.id ?? null;
}
