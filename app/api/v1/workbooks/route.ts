// POST /api/v1/workbooks: upload a workbook (multipart field `file`) → 202 {workbookId, runId}.
import { withApiKey } from "@/server/http/with-api-key";
import { findRunIdByEvent } from "@/server/runs/find-run-by-event";
import { uploadFromRequest } from "@/server/workbooks/upload-from-request";

export const POST = withApiKey(async (request, { caller, db }) => {
  const uploaded = await uploadFromRequest(request, db, caller);
  const runId = await findRunIdByEvent(db, caller.organisationId, uploaded.eventId);
  return Response.json({ workbookId: uploaded.workbookId, version: uploaded.version, runId }, { status: 202 });
});
