"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { BudgetBars } from "@/components/admin/budget-bars";
import { ModelTable, SpenderTable, UserTable } from "@/components/admin/cost-tables";
import { formatCount, formatPercent, formatUsd, isoDay } from "@/components/admin/format";
import { SpendChart } from "@/components/admin/spend-chart";
import { TryPrompt } from "@/components/admin/try-prompt";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { inputClassName } from "@/components/ui/text-field";

const DAY = 86_400_000;

function Tile({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card className="p-3">
      <p className="text-xs uppercase text-zinc-500">{label}</p>
      <p className="mt-1 text-xl font-semibold tabular-nums">{value}</p>
      {hint ? <p className="text-xs text-zinc-500">{hint}</p> : null}
    </Card>
  );
}

/** The admin cost dashboard: recorded model calls over a date range, budgets, and the routing preview. */
export function CostDashboard() {
  const trpc = useTRPC();
  const [from, setFrom] = useState(() => isoDay(new Date(Date.now() - 29 * DAY)));
  const [to, setTo] = useState(() => isoDay(new Date()));
  const range = { from: new Date(`${from}T00:00:00Z`), to: new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY) };
  const dashboard = useQuery(trpc.llm.dashboard.queryOptions(range));
  const exportCsv = useMutation(
    trpc.llm.exportCsv.mutationOptions({
      onSuccess: (csv) => {
        const url = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
        const link = Object.assign(document.createElement("a"), { href: url, download: `llm-calls-${from}-to-${to}.csv` });
        link.click();
        URL.revokeObjectURL(url);
      },
    }),
  );
  const data = dashboard.data;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          From
          <input type="date" className={inputClassName} value={from} max={to} onChange={(event) => event.target.value && setFrom(event.target.value)} data-testid="costs-from" />
        </label>
        <label className="flex flex-col gap-1">
          To
          <input type="date" className={inputClassName} value={to} min={from} onChange={(event) => event.target.value && setTo(event.target.value)} data-testid="costs-to" />
        </label>
        <Button variant="secondary" onClick={() => exportCsv.mutate(range)} disabled={exportCsv.isPending} data-testid="costs-export">
          Export CSV
        </Button>
        {exportCsv.error ? <p role="alert" className="text-red-600">{exportCsv.error.message}</p> : null}
      </div>
      {dashboard.isLoading ? <p className="text-sm text-zinc-500">Loading spend…</p> : null}
      {dashboard.error ? <p role="alert" className="text-sm text-red-600">Could not load the dashboard: {dashboard.error.message}</p> : null}
      {data && data.summary.calls === 0 ? (
        <EmptyState testId="costs-empty" title="No model calls in this range" description="Calls appear here as soon as the chat, the agent or the OpenAI-compatible gateway use a model." />
      ) : null}
      {data && data.summary.calls > 0 ? (
        <>
          <div className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="costs-summary">
            <Tile label="Spend" value={formatUsd(data.summary.costUsd)} hint={`saved ${formatUsd(data.summary.savingUsd)} vs. all on the strongest model`} />
            <Tile label="Calls" value={formatCount(data.summary.calls)} hint={`${data.summary.refused} refused by policy`} />
            <Tile label="Tokens" value={formatCount(data.summary.inputTokens + data.summary.outputTokens + data.summary.cacheReadTokens + data.summary.cacheWriteTokens)} hint={`${formatCount(data.summary.cacheReadTokens)} from cache`} />
            <Tile label="p95 latency" value={data.summary.p95LatencyMs === null ? "—" : `${Math.round(data.summary.p95LatencyMs)} ms`} hint={`errors ${formatPercent(data.summary.errorRate)}, fallbacks ${formatPercent(data.summary.fallbackRate)}`} />
          </div>
          <Card>
            <h2 className="mb-2 text-base font-semibold">Spend per day by provider</h2>
            <SpendChart daily={data.daily} />
          </Card>
          <div className="grid gap-6 lg:grid-cols-2">
            <Card>
              <ModelTable rows={data.byModel} />
            </Card>
            <Card>
              <UserTable rows={data.byUser} />
            </Card>
            <Card>
              <SpenderTable caption="Most expensive conversations" rows={data.conversations} testId="cost-conversations" />
            </Card>
            <Card>
              <SpenderTable caption="Most expensive runs" rows={data.runs} testId="cost-runs" />
            </Card>
          </div>
        </>
      ) : null}
      {data ? (
        <Card className="space-y-3">
          <h2 className="text-base font-semibold">Budgets this month</h2>
          <BudgetBars
            alertAtFraction={data.budgets.alertAtFraction}
            budgets={[
              { label: "Organisation", spentUsd: data.budgets.organisation.spentUsd, limitUsd: data.budgets.organisation.limitUsd },
              ...data.budgets.users.map((user) => ({ label: user.email ?? user.userId ?? "API / system", spentUsd: user.spentUsd, limitUsd: user.limitUsd })),
            ]}
          />
          {data.budgets.alerts.length > 0 ? (
            <ul className="text-sm text-amber-700 dark:text-amber-300" data-testid="budget-alerts">
              {data.budgets.alerts.map((alert) => (
                <li key={alert.id}>
                  {alert.month}: {alert.scope} budget {alert.level === "exceeded" ? "used up" : "past the alert threshold"} ({formatUsd(alert.spentUsd)} of {formatUsd(alert.limitUsd)})
                </li>
              ))}
            </ul>
          ) : null}
        </Card>
      ) : null}
      <TryPrompt />
    </div>
  );
}
