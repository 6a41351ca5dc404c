// GET /api/v1/workbooks/{id}: status, analysis, fidelity and downloads of an organisation's workbook.
import { AppError } from "@/server/errors/app-error";
import { withApiKey } from "@/server/http/with-api-key";
import { describeDownloads } from "@/server/workbooks/read-workbook-download";
import { findWorkbook } from "@/server/workbooks/workbook-repository";

export const GET = withApiKey<{ id: string }>(async (_request, { caller, db, params }) => {
  const workbook = await findWorkbook(db, caller.organisationId, params.id);
  if (!workbook) throw new AppError("not_found", "No such workbook in your organisation.");
  const downloads = describeDownloads(workbook, "/api/v1/workbooks");
  return Response.json({
    id: workbook.id,
    name: workbook.name,
    status: workbook.status,
    version: workbook.currentVersion,
    error: workbook.error,
    analysis: workbook.analysis,
    fidelity: workbook.fidelity ? { matched: workbook.fidelity.matched, total: workbook.fidelity.total, skipped: workbook.fidelity.skipped } : null,
    downloads: Object.fromEntries(downloads.projects.map(({ framework, fileName, sizeBytes, url }) => [framework, { fileName, sizeBytes, url }])),
    downloadError: downloads.error,
  });
});
