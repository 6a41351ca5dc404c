import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { llmBudgetAlerts, llmCalls } from "@/db/schema";

export type NewLlmCall = typeof llmCalls.$inferInsert;

export async function insertLlmCalls(db: Database, rows: NewLlmCall[]): Promise<void> {
  if (rows.length > 0) await db.insert(llmCalls).values(rows);
}

/** Spend since `since` for an organisation, or one of its users. */
export async function sumSpendSince(db: Database, organisationId: string, since: Date, userId?: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<string | null>`sum(${llmCalls.costUsd})` })
    .from(llmCalls)
    .where(
      and(eq(llmCalls.organisationId, organisationId), gte(llmCalls.createdAt, since), userId ? eq(llmCalls.userId, userId) : undefined),
    );
  return Number(row?.total ?? 0);
}

export async function insertBudgetAlert(db: Database, alert: typeof llmBudgetAlerts.$inferInsert): Promise<void> {
  await db.insert(llmBudgetAlerts).values(alert).onConflictDoNothing();
}
