import "server-only";
import type { Database } from "@/db/database";
import type { Caller } from "@/server/auth/caller";
import { AppError } from "@/server/errors/app-error";
import type { FileStorage } from "@/server/storage/file-storage";
import { detectWorkbookFormat } from "@/server/workbooks/detect-workbook-format";
import { findWorkbook, insertWorkbook, insertWorkbookVersion, updateWorkbook } from "@/server/workbooks/workbook-repository";

export interface UploadWorkbookDependencies {
  db: Database;
  storage: FileStorage;
  /** Sends `workbook/transform.requested`; returns the event id. */
  requestTransform(event: { organisationId: string; workbookId: string }): Promise<string>;
}

export interface UploadedWorkbook {
  workbookId: string;
  version: number;
  eventId: string;
}

/**
 * Stores an uploaded workbook (a new one, or a new version of `workbookId`) and starts its transformation.
 * The file's content is checked before anything is stored; a file that is not a spreadsheet changes nothing.
 */
export async function uploadWorkbook(
  deps: UploadWorkbookDependencies,
  caller: Caller,
  upload: { fileName: string; bytes: Uint8Array; workbookId?: string },
): Promise<UploadedWorkbook> {
  const format = detectWorkbookFormat(upload.fileName, upload.bytes);
  if (typeof format !== "string") throw new AppError("unprocessable", format.error);

  const existing = upload.workbookId ? await findWorkbook(deps.db, caller.organisationId, upload.workbookId) : undefined;
  if (upload.workbookId && !existing) throw new AppError("not_found", "No such workbook in your organisation.");
  const version = existing ? existing.currentVersion + 1 : 1;
  const workbookId = existing?.id ?? crypto.randomUUID();
  const extension = upload.fileName.slice(upload.fileName.lastIndexOf(".")).toLowerCase();
  const storageKey = `${caller.organisationId}/workbooks/${workbookId}/v${version}${extension}`;
  await deps.storage.put(storageKey, upload.bytes);

  const name = upload.fileName.replace(/\.[^.]+$/, "").slice(0, 200) || "Workbook";
  await deps.db.transaction(async (tx) => {
    if (existing) {
      await updateWorkbook(tx, caller.organisationId, workbookId, { currentVersion: version, name, status: "queued", error: null });
    } else {
      await insertWorkbook(tx, { id: workbookId, organisationId: caller.organisationId, userId: caller.userId, name, status: "queued" });
    }
    await insertWorkbookVersion(tx, { workbookId, version, fileName: upload.fileName, format, sizeBytes: upload.bytes.byteLength, storageKey });
  });

  const eventId = await deps.requestTransform({ organisationId: caller.organisationId, workbookId });
  await updateWorkbook(deps.db, caller.organisationId, workbookId, { eventId });
  return { workbookId, version, eventId };
}
