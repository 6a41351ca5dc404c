import { formatCount, formatUsd } from "@/components/admin/format";
import type { CostDashboard } from "@/server/llm/build-cost-dashboard";

function Table({ caption, headers, rows, testId }: { caption: string; headers: string[]; rows: Array<Array<string | number>>; testId: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="mb-2 text-left text-base font-semibold">{caption}</caption>
        <thead className="text-xs uppercase text-zinc-500">
          <tr>
            {headers.map((header, index) => (
              <th key={header} scope="col" className={`py-1 pr-3 ${index > 0 ? "text-right" : ""}`}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={headers.length} className="py-2 text-zinc-500">
                Nothing in this range.
              </td>
            </tr>
          ) : (
            rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {row.map((cell, index) => (
                  <td key={index} className={`py-1 pr-3 ${index > 0 ? "text-right tabular-nums" : "max-w-xs truncate"}`}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

export function ModelTable({ rows }: { rows: CostDashboard["byModel"] }) {
  return (
    <Table
      caption="By provider and model"
      testId="cost-by-model"
      headers={["Model", "Calls", "Input", "Output", "Cache read", "Cost"]}
      rows={rows.map((row) => [`${row.provider}/${row.model}`, formatCount(row.calls), formatCount(row.inputTokens), formatCount(row.outputTokens), formatCount(row.cacheReadTokens), formatUsd(row.costUsd)])}
    />
  );
}

export function UserTable({ rows }: { rows: CostDashboard["byUser"] }) {
  return (
    <Table
      caption="By user"
      testId="cost-by-user"
      headers={["User", "Calls", "Cost"]}
      rows={rows.map((row) => [row.email ?? row.userId ?? "API / system", formatCount(row.calls), formatUsd(row.costUsd)])}
    />
  );
}

export function SpenderTable({ caption, rows, testId }: { caption: string; rows: CostDashboard["conversations"]; testId: string }) {
  return <Table caption={caption} testId={testId} headers={["Id", "Calls", "Cost"]} rows={rows.map((row) => [row.id, formatCount(row.calls), formatUsd(row.costUsd)])} />;
}
