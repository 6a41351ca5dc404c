import "server-only";
import type { Database } from "@/db/database";
import { env } from "@/env";
import type { Caller } from "@/server/auth/caller";
import { readUpload } from "@/server/http/read-upload";
import { getStorage } from "@/server/storage/get-storage";
import { requestTransform } from "@/server/workbooks/request-transform";
import { uploadWorkbook } from "@/server/workbooks/upload-workbook";

/** The upload both the UI route and the REST API accept: multipart field `file`, optional `workbookId`. */
export async function uploadFromRequest(request: Request, db: Database, caller: Caller, workbookId?: string) {
  const file = await readUpload(request, "file", env.MAX_UPLOAD_MB * 1024 * 1024);
  return uploadWorkbook({ db, storage: getStorage(), requestTransform }, caller, { ...file, workbookId });
}
