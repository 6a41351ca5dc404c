import "server-only";
import { and, eq, getTableColumns, gte, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { llmBudgetAlerts, llmCalls } from "@/db/schema";

export type NewLlmCall = typeof llmCalls.$inferInsert;

const INSERTED_COLUMNS = Object.entries(getTableColumns(llmCalls)).filter(([key]) => key !== "id");
const COLUMN_LIST = sql.raw(INSERTED_COLUMNS.map(([, column]) => `"${column.name}"`).join(", "));

/**
 * Inserts a batch of call rows as one JSON parameter expanded by the database: building a 25-column
 * multi-row insert in JavaScript cost more CPU than the rest of a routed call, this costs almost none.
 */
export async function insertLlmCalls(db: Database, rows: NewLlmCall[]): Promise<void> {
  if (rows.length === 0) return;
  const now = new Date().toISOString();
  const records = rows.map((row) =>
    Object.fromEntries(
      INSERTED_COLUMNS.map(([key, column]) => {
        const value = row[key as keyof NewLlmCall];
        if (key === "createdAt") return [column.name, value instanceof Date ? value.toISOString() : now];
        return [column.name, value ?? column.default ?? null];
      }),
    ),
  );
  await db.execute(sql`insert into ${llmCalls} (${COLUMN_LIST}) select ${COLUMN_LIST} from jsonb_populate_recordset(null::${llmCalls}, ${JSON.stringify(records)}::jsonb)`);
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
