/** Uploads a file with progress (fetch cannot report upload progress; XMLHttpRequest can). */
export function uploadWorkbookFile(
  file: File,
  options: { workbookId?: string; onProgress: (fraction: number) => void },
): Promise<{ workbookId: string; version: number }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const url = options.workbookId ? `/api/workbooks?workbookId=${encodeURIComponent(options.workbookId)}` : "/api/workbooks";
    request.open("POST", url);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let body: { workbookId?: string; version?: number; error?: { message?: string } } = {};
      try {
        body = JSON.parse(request.responseText) as typeof body;
      } catch {
        // Not JSON (a proxy's error page): reported below by status.
      }
      if (request.status === 202 && body.workbookId) resolve({ workbookId: body.workbookId, version: body.version ?? 1 });
      else reject(new Error(body.error?.message ?? `Upload failed (HTTP ${request.status}).`));
    };
    request.onerror = () => reject(new Error("The upload was interrupted. Check your connection and try again."));
    const form = new FormData();
    form.append("file", file);
    request.send(form);
  });
}
