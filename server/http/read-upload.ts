import "server-only";
import { AppError } from "@/server/errors/app-error";
import { readCappedBody } from "@/server/http/cap-request-body";

export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * Reads a multipart upload's `field` without ever holding more than `maxBytes` (plus multipart overhead):
 * a declared Content-Length over the limit is refused before reading, and a streamed body is cut off as soon
 * as it passes the limit, so nothing over the limit is parsed or stored.
 */
export async function readUpload(request: Request, field: string, maxBytes: number): Promise<UploadedFile> {
  const limit = maxBytes + 64 * 1024;
  const tooLarge = () => new AppError("payload_too_large", `Files are limited to ${formatMegabytes(maxBytes)}. Upload a smaller workbook.`);
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError("bad_request", `Send the file as multipart/form-data in a field named "${field}".`);
  }
  const body = await readCappedBody(request, limit, tooLarge);

  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("bad_request", "The upload is not valid multipart/form-data.");
  }
  const file = form.get(field);
  if (!(file instanceof File)) throw new AppError("bad_request", `Missing the file: send it in a form field named "${field}".`);
  if (file.size > maxBytes) throw tooLarge();
  return { fileName: file.name || "workbook.xlsx", bytes: new Uint8Array(await file.arrayBuffer()) };
}

export function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}
