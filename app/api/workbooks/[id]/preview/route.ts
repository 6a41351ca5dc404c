// GET /api/workbooks/{id}/preview: the generated app as one HTML document, for the workbook page's sandboxed iframe.
// The policy allows exactly its own inline script and styles: no network, no forms, framed by this origin only.
import { getStorage } from "@/server/storage/get-storage";
import { withSession } from "@/server/http/with-session";
import { readWorkbookPreview } from "@/server/workbooks/read-workbook-download";

export const GET = withSession<{ id: string }>(async (_request, { caller, db, params }) => {
  const preview = await readWorkbookPreview(db, getStorage(), caller.organisationId, params.id);
  const policy = [
    "default-src 'none'",
    `script-src 'sha256-${preview.scriptSha256}'`,
    "style-src 'unsafe-inline'",
    "img-src data:",
    "font-src data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
    "sandbox allow-scripts",
  ].join("; ");
  return new Response(Buffer.from(preview.html), {
    headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": policy, "Cache-Control": "private, max-age=3600" },
  });
});
