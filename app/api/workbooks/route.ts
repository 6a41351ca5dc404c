// POST /api/workbooks: the Workbooks page's upload (session auth). Multipart field `file`; `?workbookId=` adds a version.
// Starting a transformation also spends the caller's REST API budget, like any run start.
import { withSession } from "@/server/http/with-session";
import { enforceApiRateLimit } from "@/server/security/rate-limits";
import { uploadFromRequest } from "@/server/workbooks/upload-from-request";

export const POST = withSession(async (request, { caller, db }) => {
  await enforceApiRateLimit(caller);
  const workbookId = new URL(request.url).searchParams.get("workbookId") ?? undefined;
  const uploaded = await uploadFromRequest(request, db, caller, workbookId);
  return Response.json(uploaded, { status: 202 });
});
