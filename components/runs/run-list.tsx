"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { ACTIVE_RUN_STATUSES, formatDuration, formatTime, statusTone } from "@/components/runs/run-format";
import { useTRPC } from "@/components/providers/trpc";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/ui/status-badge";

/** Recent runs of the organisation; refreshes every second while any run is active. */
export function RunList() {
  const trpc = useTRPC();
  const runs = useQuery(
    trpc.runs.list.queryOptions(
      { limit: 50 },
      { refetchInterval: (query) => (query.state.data?.runs.some((run) => ACTIVE_RUN_STATUSES.includes(run.status)) ? 1000 : 5000) },
    ),
  );

  if (runs.isPending) return <p className="text-sm text-zinc-500" data-testid="runs-loading">Loading runs…</p>;
  if (runs.error) return <p role="alert" className="text-sm text-red-600">Could not load runs: {runs.error.message}</p>;
  if (runs.data.runs.length === 0) {
    return <EmptyState testId="runs-empty" title="No runs yet" description="Runs appear here as soon as a chat, an upload or the demo starts one." />;
  }
  return (
    <Card className="overflow-x-auto p-0">
      <table className="w-full text-left text-sm" data-testid="runs-table">
        <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-500 dark:border-zinc-800">
          <tr>
            <th className="px-4 py-2 font-medium">Status</th>
            <th className="px-4 py-2 font-medium">Function</th>
            <th className="px-4 py-2 font-medium">Trigger</th>
            <th className="px-4 py-2 font-medium">Started</th>
            <th className="px-4 py-2 font-medium">Duration</th>
          </tr>
        </thead>
        <tbody>
          {runs.data.runs.map((run) => (
            <tr key={run.id} className="border-b border-zinc-100 last:border-0 hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-800/50" data-testid="runs-row">
              <td className="px-4 py-2">
                <StatusBadge tone={statusTone(run.status)}>{run.status}</StatusBadge>
              </td>
              <td className="px-4 py-2">
                <Link href={`/runs/${run.id}`} className="font-medium hover:underline">
                  {run.functionName}
                </Link>
              </td>
              <td className="px-4 py-2 font-mono text-xs">{run.trigger}</td>
              <td className="px-4 py-2">{formatTime(run.startedAt ?? run.createdAt)}</td>
              <td className="px-4 py-2">{ACTIVE_RUN_STATUSES.includes(run.status) ? "running…" : formatDuration(run.durationMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
