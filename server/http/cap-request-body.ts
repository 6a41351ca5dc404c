import "server-only";

/**
 * The same request with its body counted in bytes as it streams: once `maxBytes` is passed (or when the
 * declared Content-Length already exceeds it) the stream fails with `tooLarge()` and stops pulling from the
 * client, so whoever reads the body gets that error and nothing over the limit is ever held.
 */
export function capRequestBody(request: Request, maxBytes: number, tooLarge: () => Error): Request {
  if (!request.body) return request;
  const declared = Number(request.headers.get("content-length") ?? 0);
  let total = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    start(controller) {
      if (declared > maxBytes) controller.error(tooLarge());
    },
    transform(chunk, controller) {
      total += chunk.byteLength;
      if (total > maxBytes) controller.error(tooLarge());
      else controller.enqueue(chunk);
    },
  });
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body.pipeThrough(counter),
    signal: request.signal,
    duplex: "half",
  } as RequestInit);
}

/** Reads a whole body of at most `maxBytes`, refusing while streaming (see `capRequestBody`). */
export async function readCappedBody(request: Request, maxBytes: number, tooLarge: () => Error): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await capRequestBody(request, maxBytes, tooLarge).arrayBuffer());
}
