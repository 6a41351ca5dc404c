"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Card } from "@/components/ui/card";
import { AnalysisSummary } from "@/components/workbooks/analysis-summary";
import { PageHeader } from "@/components/ui/page-header";
import { FidelityReport } from "@/components/workbooks/fidelity-report";
import { WorkbookDownloads } from "@/components/workbooks/workbook-downloads";
import { WorkbookDropzone } from "@/components/workbooks/workbook-dropzone";
import { WorkbookPreview } from "@/components/workbooks/workbook-preview";
import { WorkbookStatusBadge } from "@/components/workbooks/workbook-status-badge";

export function WorkbookDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const limits = useQuery(trpc.workbooks.limits.queryOptions());
  const workbook = useQuery({
    ...trpc.workbooks.get.queryOptions({ id }),
    refetchInterval: (query) => (query.state.data && ["queued", "processing"].includes(query.state.data.status) ? 1_000 : false),
  });

  if (workbook.isLoading) return <p className="text-sm text-zinc-500">Loading workbook…</p>;
  if (workbook.error) return <p role="alert" className="text-sm text-red-600">{workbook.error.message}</p>;
  const data = workbook.data;
  if (!data) return null;
  return (
    <div className="space-y-6">
      <PageHeader
        title={data.name}
        description={data.file ? `${data.file.fileName} · version ${data.currentVersion} · ${(data.file.sizeBytes / 1024).toFixed(0)} KB` : undefined}
        actions={<WorkbookStatusBadge status={data.status} />}
      />
      {data.status === "failed" ? (
        <Card className="border-red-300 dark:border-red-900" role="alert" data-testid="workbook-error">
          <p className="font-medium text-red-700 dark:text-red-300">This workbook could not be transformed.</p>
          <p className="mt-1 text-sm">{data.error}</p>
        </Card>
      ) : null}
      {data.status === "queued" || data.status === "processing" ? (
        <Card aria-live="polite" data-testid="workbook-progress">
          <p className="text-sm">Transforming: parse, analyse, compile, generate. Follow each step in Runs.</p>
        </Card>
      ) : null}
      {data.status === "ready" && data.downloads.previewUrl ? (
        <Card>
          <WorkbookPreview url={data.downloads.previewUrl} title={data.name} />
        </Card>
      ) : null}
      {data.status === "ready" && (data.downloads.projects.length > 0 || data.downloads.error) ? (
        <Card>
          <WorkbookDownloads projects={data.downloads.projects} error={data.downloads.error} />
        </Card>
      ) : null}
      {data.analysis ? (
        <Card>
          <AnalysisSummary analysis={data.analysis} />
        </Card>
      ) : null}
      {data.fidelity ? (
        <Card>
          <FidelityReport fidelity={data.fidelity} />
        </Card>
      ) : null}
      {limits.data ? <WorkbookDropzone maxBytes={limits.data.maxUploadBytes} workbookId={id} label="Drop a new version of this workbook" /> : null}
    </div>
  );
}
