import http from "node:http";
import type { AddressInfo } from "node:net";
import { hashSigningKey } from "@/inngest/executor/signing";

/**
 * A local server speaking the Inngest server's sync endpoint as the SDK uses it (SDK spec 4.3.2):
 * `POST /fn/register` with the hashed signing key as bearer token (401 otherwise), answered `{ status, modified }`.
 */
export interface FakeInngestServer {
  url: string;
  /** Accepted syncs, with the bearer token they carried. */
  syncs: { authorization: string | undefined; body: { url: string; functions: { id: string; steps: { step: { runtime: { url: string } } } }[] } }[];
  close(): Promise<void>;
}

export async function startFakeInngestServer(options: { signingKey: string }): Promise<FakeInngestServer> {
  const syncs: FakeInngestServer["syncs"] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const answer = (status: number, payload: unknown) => response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
      if (request.method !== "POST" || new URL(request.url ?? "/", "http://localhost").pathname !== "/fn/register") return answer(404, { error: "not found" });
      if (request.headers.authorization !== `Bearer ${hashSigningKey(options.signingKey)}`) return answer(401, { status: 401, error: "Invalid signing key" });
      syncs.push({ authorization: request.headers.authorization, body: JSON.parse(body) as FakeInngestServer["syncs"][number]["body"] });
      answer(200, { status: 200, modified: true });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    syncs,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
