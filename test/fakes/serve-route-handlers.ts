import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

// Handlers declare their own params type; the adapter only ever passes empty params.
type RouteHandler = (request: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response>;

export interface ServedRoutes {
  url: string;
  server: Server;
  close(): Promise<void>;
}

async function toRequest(incoming: IncomingMessage, outgoing: ServerResponse, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) value.forEach((item) => headers.append(name, item));
  }
  const controller = new AbortController();
  // The client went away before the answer was written (keep-alive sockets outlive requests, so not the socket).
  outgoing.once("close", () => {
    if (!outgoing.writableFinished) controller.abort();
  });
  const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
  return new Request(new URL(incoming.url ?? "/", origin), { method: incoming.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined, signal: controller.signal });
}

async function writeResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  outgoing.writeHead(response.status, Object.fromEntries(response.headers.entries()));
  if (!response.body) {
    outgoing.end();
    return;
  }
  Readable.fromWeb(response.body as NodeReadableStream).pipe(outgoing);
}

/**
 * Serves Next route handler functions on a local port (method + exact path; any free port unless one is
 * given), so tests and the benchmark can point real SDK clients at them without starting Next.
 */
export async function serveRouteHandlers(routes: Record<string, RouteHandler>, options: { port?: number } = {}): Promise<ServedRoutes> {
  let origin = "";
  const server = createServer((incoming, outgoing) => {
    const path = (incoming.url ?? "/").split("?")[0];
    const handler = routes[`${incoming.method} ${path}`];
    if (!handler) {
      outgoing.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "not_found", message: `No route ${path}` } }));
      return;
    }
    toRequest(incoming, outgoing, origin)
      .then((request) => handler(request, { params: Promise.resolve({}) }))
      .then((response) => writeResponse(response, outgoing))
      .catch((error: unknown) => outgoing.writeHead(500).end(String(error)));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port free right now on 127.0.0.1, for a server whose configuration must name its port before it listens. */
export async function findFreePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
