import { formatUsd } from "@/components/admin/format";

interface Budget {
  label: string;
  spentUsd: number;
  limitUsd: number | null;
}

/** Month-to-date spend against each budget; amber from the alert threshold, red when used up. */
export function BudgetBars({ budgets, alertAtFraction }: { budgets: Budget[]; alertAtFraction: number }) {
  if (budgets.length === 0) return <p className="text-sm text-zinc-500">No spend this month.</p>;
  return (
    <ul className="space-y-3" data-testid="budget-bars">
      {budgets.map((budget) => {
        const fraction = budget.limitUsd ? budget.spentUsd / budget.limitUsd : 0;
        const tone = fraction >= 1 ? "bg-red-500" : fraction >= alertAtFraction ? "bg-amber-500" : "bg-emerald-500";
        return (
          <li key={budget.label} className="text-sm">
            <div className="flex justify-between">
              <span className="truncate">{budget.label}</span>
              <span className="tabular-nums text-zinc-600 dark:text-zinc-400">
                {formatUsd(budget.spentUsd)} {budget.limitUsd ? `of ${formatUsd(budget.limitUsd)}` : "(no budget)"}
              </span>
            </div>
            {budget.limitUsd ? (
              <div className="mt-1 h-2 rounded bg-zinc-200 dark:bg-zinc-800" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)} aria-label={`${budget.label} budget used`}>
                <div className={`h-2 rounded ${tone}`} style={{ width: `${Math.min(100, fraction * 100)}%` }} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
