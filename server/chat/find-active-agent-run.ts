import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { durableRuns } from "@/db/schema";

const ACTIVE = ["queued", "running", "sleeping", "waiting"] as const;

/** The conversation's agent run still in progress (embedded executor), so a reloaded page can follow it. */
export async function findActiveAgentRun(db: Database, organisationId: string, conversationId: string) {
  const [run] = await db
    .select({ id: durableRuns.id, status: durableRuns.status, createdAt: durableRuns.createdAt })
    .from(durableRuns)
    .where(
      and(
        eq(durableRuns.organisationId, organisationId),
        eq(durableRuns.functionId, "candlefish-agent-run"),
        inArray(durableRuns.status, [...ACTIVE]),
        sql`${durableRuns.event}->'data'->>'conversationId' = ${conversationId}`,
      ),
    )
    .orderBy(desc(durableRuns.createdAt))
    .limit(1);
  return run;
}
