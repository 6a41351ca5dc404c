import { and, asc, eq, gt, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { durableJobs, durableRuns, type ConcurrencySlot } from "@/db/schema";
import type { Database } from "@/db/database";
import type { Queryable } from "@/inngest/executor/queryable";

/**
 * The job queue: rows in `durable_job`, claimed with `FOR UPDATE SKIP LOCKED` and held by a lease that the
 * worker renews; a worker that dies simply stops renewing, and the job becomes claimable again.
 * Re-enqueuing an existing job bumps its generation, so a worker finishing an older generation leaves it queued.
 */
export type JobKind = "call" | "wake";
export const DISCOVERY_TARGET = "step";

export interface ClaimedJob {
  id: number;
  runId: string;
  kind: JobKind;
  target: string;
  generation: number;
  attempt: number;
}

export async function enqueueJob(
  db: Queryable,
  job: { runId: string; kind: JobKind; target: string; availableAt: Date; attempt?: number },
): Promise<void> {
  await db
    .insert(durableJobs)
    .values({ ...job, attempt: job.attempt ?? 0 })
    .onConflictDoUpdate({
      target: [durableJobs.runId, durableJobs.kind, durableJobs.target],
      set: {
        generation: sql`${durableJobs.generation} + 1`,
        availableAt: sql`least(${durableJobs.availableAt}, excluded.available_at)`,
      },
    });
}

export async function deleteRunJobs(db: Queryable, runId: string): Promise<void> {
  await db.delete(durableJobs).where(eq(durableJobs.runId, runId));
}

export async function deleteJob(db: Queryable, runId: string, kind: JobKind, target: string): Promise<void> {
  await db.delete(durableJobs).where(and(eq(durableJobs.runId, runId), eq(durableJobs.kind, kind), eq(durableJobs.target, target)));
}

/** Done with this generation: delete the job, or release it if someone re-enqueued it meanwhile. */
export async function finishJob(db: Queryable, job: ClaimedJob): Promise<void> {
  const deleted = await db
    .delete(durableJobs)
    .where(and(eq(durableJobs.id, job.id), eq(durableJobs.generation, job.generation)))
    .returning({ id: durableJobs.id });
  if (deleted.length === 0) {
    await db.update(durableJobs).set({ lockedBy: null, lockedUntil: null, attempt: 0 }).where(eq(durableJobs.id, job.id));
  }
}

/** Puts the job back for a later attempt (retry with backoff). */
export async function retryJobLater(db: Queryable, job: ClaimedJob, availableAt: Date, attempt: number): Promise<void> {
  await db
    .update(durableJobs)
    .set({ availableAt, attempt, lockedBy: null, lockedUntil: null })
    .where(eq(durableJobs.id, job.id));
}

export async function renewLeases(db: Database, workerId: string, ids: number[], leaseMs: number): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(durableJobs)
    .set({ lockedUntil: new Date(Date.now() + leaseMs) })
    .where(and(eq(durableJobs.lockedBy, workerId), inArray(durableJobs.id, ids)));
}

/** Releases every lease, for a process that owns the database alone (embedded PGlite) starting after a crash. */
export async function releaseAllLeases(db: Database): Promise<number> {
  const released = await db
    .update(durableJobs)
    .set({ lockedBy: null, lockedUntil: null })
    .where(sql`${durableJobs.lockedBy} is not null`)
    .returning({ id: durableJobs.id });
  return released.length;
}

/** Claims up to `limit` due jobs whose runs have a free slot under every concurrency limit they are subject to. */
export async function claimJobs(db: Database, workerId: string, limit: number, leaseMs: number): Promise<ClaimedJob[]> {
  const now = new Date();
  return db.transaction(async (tx) => {
    const candidates = await tx
      .select({ job: durableJobs, concurrency: durableRuns.concurrency })
      .from(durableJobs)
      .innerJoin(durableRuns, eq(durableRuns.id, durableJobs.runId))
      .where(and(lte(durableJobs.availableAt, now), or(isNull(durableJobs.lockedUntil), lt(durableJobs.lockedUntil, now))))
      .orderBy(asc(durableJobs.availableAt), asc(durableJobs.id))
      .limit(limit)
      .for("update", { of: durableJobs, skipLocked: true });
    const claimed: ClaimedJob[] = [];
    for (const { job, concurrency } of candidates) {
      if (job.kind === "call" && concurrency.length > 0 && !(await hasFreeSlots(tx, concurrency, now))) continue;
      await tx
        .update(durableJobs)
        .set({ lockedBy: workerId, lockedUntil: new Date(now.getTime() + leaseMs) })
        .where(eq(durableJobs.id, job.id));
      claimed.push({ id: job.id, runId: job.runId, kind: job.kind, target: job.target, generation: job.generation, attempt: job.attempt });
    }
    return claimed;
  });
}

async function hasFreeSlots(tx: Queryable, slots: ConcurrencySlot[], now: Date): Promise<boolean> {
  for (const slot of slots) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${slot.key}))`);
    const [row] = await tx
      .select({ active: sql<number>`count(*)::int` })
      .from(durableJobs)
      .innerJoin(durableRuns, eq(durableRuns.id, durableJobs.runId))
      .where(
        and(
          eq(durableJobs.kind, "call"),
          gt(durableJobs.lockedUntil, now),
          sql`${durableRuns.concurrency} @> ${JSON.stringify([{ key: slot.key }])}::jsonb`,
        ),
      );
    if ((row?.active ?? 0) >= slot.limit) return false;
  }
  return true;
}

/** The earliest time a queued job becomes due, so an idle worker knows how long it may sleep. */
export async function nextDueAt(db: Database): Promise<Date | undefined> {
  const [row] = await db
    .select({ at: durableJobs.availableAt })
    .from(durableJobs)
    .where(isNull(durableJobs.lockedBy))
    .orderBy(asc(durableJobs.availableAt))
    .limit(1);
  return row?.at;
}
