import "server-only";
import { and, desc, eq, gte, isNotNull, lt, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Database } from "@/db/database";
import { llmBudgetAlerts, llmCalls, users } from "@/db/schema";

export interface UsageRange {
  organisationId: string;
  from: Date;
  to: Date;
}

const inRange = (range: UsageRange): SQL =>
  and(eq(llmCalls.organisationId, range.organisationId), gte(llmCalls.createdAt, range.from), lt(llmCalls.createdAt, range.to)) as SQL;

const money = (column: AnyColumn) => sql<number>`coalesce(sum(${column}), 0)::float8`;
const count = money;

const totals = {
  calls: sql<number>`count(*)::int`,
  costUsd: money(llmCalls.costUsd),
  inputTokens: count(llmCalls.inputTokens),
  outputTokens: count(llmCalls.outputTokens),
  cacheReadTokens: count(llmCalls.cacheReadTokens),
  cacheWriteTokens: count(llmCalls.cacheWriteTokens),
};

export function usageByProviderModel(db: Database, range: UsageRange) {
  return db
    .select({ provider: llmCalls.provider, model: llmCalls.model, ...totals })
    .from(llmCalls)
    .where(inRange(range))
    .groupBy(llmCalls.provider, llmCalls.model)
    .orderBy(desc(money(llmCalls.costUsd)));
}

export async function usageSummary(db: Database, range: UsageRange) {
  const [row] = await db
    .select({
      ...totals,
      baselineCostUsd: money(llmCalls.baselineCostUsd),
      errors: sql<number>`count(*) filter (where ${llmCalls.status} in ('error', 'interrupted'))::int`,
      refused: sql<number>`count(*) filter (where ${llmCalls.status} = 'refused')::int`,
      fallbacks: sql<number>`count(*) filter (where jsonb_array_length(${llmCalls.fallbackChain}) > 0)::int`,
      p95LatencyMs: sql<number | null>`percentile_cont(0.95) within group (order by ${llmCalls.latencyMs}) filter (where ${llmCalls.status} = 'ok')`,
      p50LatencyMs: sql<number | null>`percentile_cont(0.5) within group (order by ${llmCalls.latencyMs}) filter (where ${llmCalls.status} = 'ok')`,
    })
    .from(llmCalls)
    .where(inRange(range));
  return row;
}

/** Spend per UTC day and provider. */
export function dailySpendByProvider(db: Database, range: UsageRange) {
  const day = sql<string>`to_char(date_trunc('day', ${llmCalls.createdAt}), 'YYYY-MM-DD')`;
  return db
    .select({ day, provider: llmCalls.provider, costUsd: money(llmCalls.costUsd), calls: totals.calls, tokens: sql<number>`coalesce(sum(${llmCalls.inputTokens} + ${llmCalls.outputTokens}), 0)::float8` })
    .from(llmCalls)
    .where(inRange(range))
    .groupBy(day, llmCalls.provider)
    .orderBy(day);
}

export function usageByUser(db: Database, range: UsageRange, limit = 20) {
  return db
    .select({ userId: llmCalls.userId, email: users.email, calls: totals.calls, costUsd: money(llmCalls.costUsd) })
    .from(llmCalls)
    .leftJoin(users, eq(users.id, llmCalls.userId))
    .where(inRange(range))
    .groupBy(llmCalls.userId, users.email)
    .orderBy(desc(money(llmCalls.costUsd)))
    .limit(limit);
}

/** The most expensive conversations or runs in the range. */
export function topSpenders(db: Database, range: UsageRange, by: "conversation" | "run", limit = 10) {
  const column = by === "conversation" ? llmCalls.conversationId : llmCalls.runId;
  return db
    .select({ id: sql<string>`${column}`, calls: totals.calls, costUsd: money(llmCalls.costUsd), lastAt: sql<Date>`max(${llmCalls.createdAt})` })
    .from(llmCalls)
    .where(and(inRange(range), isNotNull(column)))
    .groupBy(column)
    .orderBy(desc(money(llmCalls.costUsd)))
    .limit(limit);
}

export function listCallsForExport(db: Database, range: UsageRange, limit = 50_000) {
  return db.select().from(llmCalls).where(inRange(range)).orderBy(llmCalls.createdAt).limit(limit);
}

export function listRecentBudgetAlerts(db: Database, organisationId: string, limit = 10) {
  return db.select().from(llmBudgetAlerts).where(eq(llmBudgetAlerts.organisationId, organisationId)).orderBy(desc(llmBudgetAlerts.createdAt)).limit(limit);
}
