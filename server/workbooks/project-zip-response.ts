import "server-only";

export function projectZipResponse(project: { fileName: string; bytes: Uint8Array }): Response {
  return new Response(Buffer.from(project.bytes), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${project.fileName}"`,
      "Content-Length": String(project.bytes.byteLength),
      "Cache-Control": "private, no-store",
    },
  });
}
