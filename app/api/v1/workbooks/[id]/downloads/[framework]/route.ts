// GET /api/v1/workbooks/{id}/downloads/{react|vue|angular}: the generated project as `<name>-<framework>.zip`.
import { getStorage } from "@/server/storage/get-storage";
import { withApiKey } from "@/server/http/with-api-key";
import { projectZipResponse } from "@/server/workbooks/project-zip-response";
import { parseFramework, readWorkbookProject } from "@/server/workbooks/read-workbook-download";

export const GET = withApiKey<{ id: string; framework: string }>(async (_request, { caller, db, params }) =>
  projectZipResponse(await readWorkbookProject(db, getStorage(), caller.organisationId, params.id, parseFramework(params.framework))),
);
