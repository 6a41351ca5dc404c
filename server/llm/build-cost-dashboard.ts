import "server-only";
import type { Database } from "@/db/database";
import { AppError } from "@/server/errors/app-error";
import type { LlmPolicy } from "@/server/llm/routing-policy";
import { monthStart } from "@/server/llm/spend-tracker";
import {
  dailySpendByProvider,
  listRecentBudgetAlerts,
  topSpenders,
  usageByProviderModel,
  usageByUser,
  usageSummary,
  type UsageRange,
} from "@/server/llm/usage-report-repository";

const MAX_RANGE_DAYS = 400;

export function checkRange(range: UsageRange): UsageRange {
  if (!(range.from < range.to)) throw new AppError("bad_request", "`from` must be before `to`.");
  if (range.to.getTime() - range.from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
    throw new AppError("bad_request", `Ask for at most ${MAX_RANGE_DAYS} days at a time.`);
  }
  return range;
}

/** Everything the admin cost dashboard shows for a date range, plus month-to-date budget use. */
export async function buildCostDashboard(db: Database, range: UsageRange, policy: LlmPolicy, now = new Date()) {
  checkRange(range);
  const month: UsageRange = { organisationId: range.organisationId, from: monthStart(now), to: new Date(now.getTime() + 1) };
  const [summary, byModel, daily, byUser, conversations, runs, monthSummary, monthByUser, alerts] = await Promise.all([
    usageSummary(db, range),
    usageByProviderModel(db, range),
    dailySpendByProvider(db, range),
    usageByUser(db, range),
    topSpenders(db, range, "conversation"),
    topSpenders(db, range, "run"),
    usageSummary(db, month),
    usageByUser(db, month, 10),
    listRecentBudgetAlerts(db, range.organisationId),
  ]);
  const calls = summary?.calls ?? 0;
  const costUsd = summary?.costUsd ?? 0;
  const baselineCostUsd = summary?.baselineCostUsd ?? 0;
  return {
    range: { from: range.from, to: range.to },
    summary: {
      calls,
      costUsd,
      inputTokens: summary?.inputTokens ?? 0,
      outputTokens: summary?.outputTokens ?? 0,
      cacheReadTokens: summary?.cacheReadTokens ?? 0,
      cacheWriteTokens: summary?.cacheWriteTokens ?? 0,
      errorRate: calls ? (summary?.errors ?? 0) / calls : 0,
      fallbackRate: calls ? (summary?.fallbacks ?? 0) / calls : 0,
      refused: summary?.refused ?? 0,
      p50LatencyMs: summary?.p50LatencyMs === null || summary?.p50LatencyMs === undefined ? null : Number(summary.p50LatencyMs),
      p95LatencyMs: summary?.p95LatencyMs === null || summary?.p95LatencyMs === undefined ? null : Number(summary.p95LatencyMs),
      baselineCostUsd,
      savingUsd: baselineCostUsd - costUsd,
    },
    byModel,
    daily,
    byUser,
    conversations,
    runs,
    budgets: {
      organisation: { spentUsd: monthSummary?.costUsd ?? 0, limitUsd: policy.budgets.organisationMonthlyUsd },
      users: monthByUser.map((user) => ({ userId: user.userId, email: user.email, spentUsd: user.costUsd, limitUsd: policy.budgets.userMonthlyUsd })),
      alertAtFraction: policy.budgets.alertAtFraction,
      alerts,
    },
  };
}

export type CostDashboard = Awaited<ReturnType<typeof buildCostDashboard>>;
