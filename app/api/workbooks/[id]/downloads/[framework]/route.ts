// GET /api/workbooks/{id}/downloads/{react|vue|angular}: the generated project as `<name>-<framework>.zip` (session auth).
import { getStorage } from "@/server/storage/get-storage";
import { withSession } from "@/server/http/with-session";
import { projectZipResponse } from "@/server/workbooks/project-zip-response";
import { parseFramework, readWorkbookProject } from "@/server/workbooks/read-workbook-download";

export const GET = withSession<{ id: string; framework: string }>(async (_request, { caller, db, params }) =>
  projectZipResponse(await readWorkbookProject(db, getStorage(), caller.organisationId, params.id, parseFramework(params.framework))),
);
