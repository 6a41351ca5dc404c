import "server-only";
import type { Database } from "@/db/database";
import type { WorkbookDownloads } from "@/db/schema";
import { FRAMEWORKS, type Framework } from "@/lib/excel/generate/generate-project";
import { AppError } from "@/server/errors/app-error";
import type { FileStorage } from "@/server/storage/file-storage";
import { findWorkbook, type WorkbookRow } from "@/server/workbooks/workbook-repository";

export function parseFramework(value: string): Framework {
  const framework = FRAMEWORKS.find((candidate) => candidate === value);
  if (!framework) throw new AppError("not_found", `There is no ${value} download; choose one of ${FRAMEWORKS.join(", ")}.`);
  return framework;
}

async function currentDownloads(db: Database, organisationId: string, workbookId: string): Promise<WorkbookDownloads> {
  const row = await findWorkbook(db, organisationId, workbookId);
  if (!row) throw new AppError("not_found", "No such workbook in your organisation.");
  if (!row.downloads || row.downloads.version !== row.currentVersion) {
    throw new AppError("not_found", row.status === "failed" ? "This workbook could not be transformed, so it has no apps to download." : "The apps for this workbook are still being generated; try again in a few seconds.");
  }
  return row.downloads;
}

/** The zipped project of one framework for an organisation's workbook (its current version). */
export async function readWorkbookProject(db: Database, storage: FileStorage, organisationId: string, workbookId: string, framework: Framework) {
  const downloads = await currentDownloads(db, organisationId, workbookId);
  const project = downloads.projects.find((candidate) => candidate.framework === framework);
  if (!project) throw new AppError("not_found", downloads.error ?? `No ${framework} project was generated for this workbook.`);
  return { fileName: project.fileName, bytes: await storage.get(project.storageKey) };
}

/** The live preview document and the hash its one inline script must match. */
export async function readWorkbookPreview(db: Database, storage: FileStorage, organisationId: string, workbookId: string) {
  const downloads = await currentDownloads(db, organisationId, workbookId);
  if (!downloads.preview) throw new AppError("not_found", downloads.previewError ?? downloads.error ?? "This workbook has no live preview.");
  return { html: await storage.get(downloads.preview.storageKey), scriptSha256: downloads.preview.scriptSha256 };
}

export interface DownloadLink {
  framework: Framework;
  fileName: string;
  sizeBytes: number;
  url: string;
}

/** The downloads of a workbook's current version, as links under `base` (the session or the API-key routes). */
export function describeDownloads(row: WorkbookRow, base: string): { projects: DownloadLink[]; previewUrl: string | null; error: string | null } {
  const downloads = row.downloads?.version === row.currentVersion ? row.downloads : null;
  if (!downloads) return { projects: [], previewUrl: null, error: null };
  return {
    projects: downloads.projects.map((project) => ({ framework: project.framework, fileName: project.fileName, sizeBytes: project.sizeBytes, url: `${base}/${row.id}/downloads/${project.framework}` })),
    previewUrl: downloads.preview ? `/api/workbooks/${row.id}/preview?v=${downloads.version}` : null,
    error: downloads.error ?? downloads.previewError ?? null,
  };
}
