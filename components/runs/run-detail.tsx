"use client";

import { useQuery } from "@tanstack/react-query";
import { RunActions } from "@/components/runs/run-actions";
import { ACTIVE_RUN_STATUSES, formatDuration, formatJson, formatTime, statusTone } from "@/components/runs/run-format";
import { RunTimeline } from "@/components/runs/run-timeline";
import { useTRPC } from "@/components/providers/trpc";
import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";

/** One run, refreshed every second while it is active. */
export function RunDetail({ runId }: { runId: string }) {
  const trpc = useTRPC();
  const run = useQuery(
    trpc.runs.get.queryOptions({ id: runId }, { refetchInterval: (query) => (ACTIVE_RUN_STATUSES.includes(query.state.data?.status ?? "") ? 1000 : false) }),
  );
  if (run.isPending) return <p className="text-sm text-zinc-500">Loading run…</p>;
  if (run.error) return <p role="alert" className="text-sm text-red-600">Could not load this run: {run.error.message}</p>;
  const data = run.data;
  const active = ACTIVE_RUN_STATUSES.includes(data.status);
  return (
    <div className="space-y-4" data-testid="run-detail">
      <Card className="flex flex-wrap items-start justify-between gap-4">
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-zinc-500">Status</dt>
          <dd data-testid="run-status">
            <StatusBadge tone={statusTone(data.status)}>{data.status}</StatusBadge>
          </dd>
          <dt className="text-zinc-500">Function</dt>
          <dd>{data.functionName}</dd>
          <dt className="text-zinc-500">Trigger</dt>
          <dd className="font-mono text-xs">{data.trigger}</dd>
          <dt className="text-zinc-500">Started</dt>
          <dd>{formatTime(data.startedAt ?? data.createdAt)}</dd>
          <dt className="text-zinc-500">Duration</dt>
          <dd>{active ? "running…" : formatDuration(data.durationMs)}</dd>
        </dl>
        <RunActions runId={data.id} active={active} />
      </Card>
      {data.error ? (
        <Card className="border-red-300 text-sm text-red-700 dark:border-red-900 dark:text-red-300">
          {data.error.name}: {data.error.message}
        </Card>
      ) : null}
      <section>
        <h2 className="mb-2 text-base font-semibold">Steps</h2>
        <RunTimeline steps={data.steps} />
      </section>
      {"output" in data && data.output !== undefined ? (
        <section>
          <h2 className="mb-2 text-base font-semibold">Output</h2>
          <pre className="overflow-x-auto rounded bg-zinc-100 p-3 text-xs dark:bg-zinc-800" data-testid="run-output">{formatJson(data.output)}</pre>
        </section>
      ) : null}
    </div>
  );
}
