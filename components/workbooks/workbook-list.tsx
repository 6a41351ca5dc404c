"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { EmptyState } from "@/components/ui/empty-state";
import { WorkbookDropzone } from "@/components/workbooks/workbook-dropzone";
import { WorkbookStatusBadge } from "@/components/workbooks/workbook-status-badge";

export function WorkbookList() {
  const trpc = useTRPC();
  const limits = useQuery(trpc.workbooks.limits.queryOptions());
  const workbooks = useQuery({
    ...trpc.workbooks.list.queryOptions(),
    refetchInterval: (query) => (query.state.data?.some((row) => row.status === "queued" || row.status === "processing") ? 1_500 : false),
  });
  return (
    <div className="space-y-6">
      {limits.data ? <WorkbookDropzone maxBytes={limits.data.maxUploadBytes} /> : <div className="h-32 animate-pulse rounded-lg bg-zinc-200 dark:bg-zinc-800" />}
      {workbooks.isLoading ? <p className="text-sm text-zinc-500">Loading workbooks…</p> : null}
      {workbooks.error ? <p role="alert" className="text-sm text-red-600">Could not load workbooks: {workbooks.error.message}</p> : null}
      {workbooks.data?.length === 0 ? (
        <EmptyState testId="workbooks-empty" title="No workbooks yet" description="Drop a workbook above: its inputs become a form, its formulas real logic, and you get a live preview and a project to download." />
      ) : null}
      {workbooks.data && workbooks.data.length > 0 ? (
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900" data-testid="workbook-list">
          {workbooks.data.map((workbook) => (
            <li key={workbook.id}>
              <Link href={`/workbooks/${workbook.id}`} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                <span className="font-medium">{workbook.name}</span>
                <span className="flex items-center gap-3 text-xs text-zinc-500">
                  {workbook.fidelity ? (
                    <span>
                      {workbook.fidelity.matched}/{workbook.fidelity.total} formulas match Excel
                    </span>
                  ) : null}
                  <span>v{workbook.version}</span>
                  <WorkbookStatusBadge status={workbook.status} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
