import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/database";
import type { Caller } from "@/server/auth/caller";
import type * as TrpcRoot from "@/server/trpc/root";
import type { FakeLlmServer } from "@/test/fakes/fake-llm-server";
import { startFakeOpenAiServer } from "@/test/fakes/fake-openai-server";
import { serveRouteHandlers, type ServedRoutes } from "@/test/fakes/serve-route-handlers";

async function listen(server: Server): Promise<{ url: string; port: number }> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, port };
}

const SECRET_BODY = "db password=hunter2 aws_secret_access_key=AKIAIOSFODNN7EXAMPLE";

/**
 * SSRF through admins' model endpoints, where it enters: the `llm.addEndpoint` procedure (save time) and the
 * OpenAI-compatible gateway route (call time), with the real router, the embedded database and the SDKs.
 * The operator allow-lists one fake model server and one redirecting server; a loopback "internal service"
 * stays private and must never be reached.
 */
describe("model endpoints and the outbound guard", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cf-endpoint-ssrf-"));
  const internalHits: string[] = [];
  const internalServer = createServer((request, response) => {
    internalHits.push(`${request.method} ${request.url}`);
    response.end(SECRET_BODY);
  });
  let internal: { url: string; port: number };
  let redirector: { url: string; port: number };
  const redirectorServer = createServer((request, response) => {
    response.writeHead(307, { location: `${internal.url}${request.url}` });
    response.end();
  });
  let model: FakeLlmServer;
  let served: ServedRoutes;
  let root: typeof TrpcRoot;
  let db: Database;
  let accounts = 0;

  const newOrganisation = async (): Promise<{ caller: Caller; apiKey: string }> => {
    const { createAccount } = await import("@/server/accounts/create-account");
    const { createApiKey } = await import("@/server/api-keys/create-api-key");
    accounts += 1;
    const account = await createAccount(db, { email: `ssrf${accounts}@example.com`, password: "ssrf password 1" });
    return { caller: { ...account, via: "session" }, apiKey: (await createApiKey(db, account, "ssrf")).key };
  };
  const trpc = (caller: Caller) => root.createCaller({ db, caller, headers: new Headers() });
  const chat = (apiKey: string, body: Record<string, unknown>) =>
    fetch(`${served.url}/api/v1/openai/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ messages: [{ role: "user", content: "hello" }], ...body }),
    });

  beforeAll(async () => {
    [model, internal, redirector] = await Promise.all([startFakeOpenAiServer(), listen(internalServer), listen(redirectorServer)]);
    Object.assign(process.env, {
      DATA_DIR: dataDir,
      ALLOWED_PRIVATE_ENDPOINTS: `${new URL(model.url).host}, 127.0.0.1:${redirector.port}`,
    });
    for (const name of ["DATABASE_URL", "OPENAI_API_KEY", "OPENAI_BASE_URL", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "TOGETHER_API_KEY", "TOGETHER_BASE_URL"]) delete process.env[name];
    // Imported only now, so env.ts reads the variables above.
    root = await import("@/server/trpc/root");
    db = await (await import("@/db/client")).getDb();
    const completions = await import("@/app/api/v1/openai/chat/completions/route");
    served = await serveRouteHandlers({ "POST /api/v1/openai/chat/completions": completions.POST });
  });
  afterAll(async () => {
    await (await (await import("@/server/llm/get-llm-router")).getLlmRouter()).flush();
    await Promise.all([served.close(), model.close(), new Promise((resolve) => internalServer.close(resolve)), new Promise((resolve) => redirectorServer.close(resolve))]);
    await (await (await import("@/db/client")).getDatabaseHandle()).close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    ["the internal service on loopback", () => `${internal.url}/v1`, /127\.0\.0\.1 is a loopback address/],
    ["localhost", () => `http://localhost:${internal.port}/v1`, /localhost resolves to a loopback address/],
    ["an IPv4-mapped IPv6 loopback", () => `http://[::ffff:127.0.0.1]:${internal.port}/v1`, /loopback/],
    ["a decimal IPv4 loopback", () => `http://2130706433:${internal.port}/v1`, /loopback/],
    ["0.0.0.0", () => `http://0.0.0.0:${internal.port}/v1`, /unspecified/],
    ["the cloud metadata service", () => "http://169.254.169.254/latest/meta-data", /cloud metadata service/],
    ["the AWS IPv6 metadata service", () => "http://[fd00:ec2::254]/", /cloud metadata service/],
    ["a private network", () => "http://10.20.30.40:8000/v1", /private-network address/],
    ["an allowed host with a query string", () => `${model.url}/v1?target=http://169.254.169.254`, /query string/],
    ["credentials in the URL", () => `http://admin:secret@${new URL(model.url).host}/v1`, /user name or password/],
    ["a non-http scheme", () => "file:///etc/passwd", /Only http:\/\/ and https:\/\//],
  ])("refuses to save an endpoint on %s, with a clear error, storing nothing", async (_, baseUrl, message) => {
    const { caller } = await newOrganisation();
    const api = trpc(caller);
    for (const kind of ["openai", "anthropic"] as const) {
      await expect(api.llm.addEndpoint({ name: `Sneaky ${kind}`, kind, baseUrl: baseUrl(), models: ["sneaky-model"] })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(message) });
    }
    expect(await api.llm.endpoints()).toEqual([]);
    expect(internalHits).toEqual([]);
  });

  it("lets only owners and admins add endpoints", async () => {
    const { caller } = await newOrganisation();
    await expect(trpc({ ...caller, role: "member" }).llm.addEndpoint({ name: "x", kind: "openai", baseUrl: `${model.url}/v1`, models: ["m"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets the operator's allow-listed local server through, at save time and at call time", async () => {
    const { caller, apiKey } = await newOrganisation();
    await trpc(caller).llm.addEndpoint({ name: "Local Ollama", kind: "openai", baseUrl: `${model.url}/v1`, models: ["llama3.1:8b"] });
    model.enqueue({ text: "Hello from the local model" });
    const response = await chat(apiKey, { model: "llama3.1:8b" });
    expect(response.status).toBe(200);
    expect((await response.json()).choices[0].message.content).toBe("Hello from the local model");
  });

  it("refuses at call time an endpoint stored on a private address (stored before the guard, or DNS changed since)", async () => {
    const { caller, apiKey } = await newOrganisation();
    const { insertEndpointRow } = await import("@/server/llm/llm-endpoint-repository");
    await insertEndpointRow(db, { organisationId: caller.organisationId, name: "Old", kind: "openai", baseUrl: `${internal.url}/v1`, encryptedApiKey: null, models: ["old-model"] });
    const response = await chat(apiKey, { model: "old-model" });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(internalHits).toEqual([]);
  });

  it("does not follow an allowed endpoint's redirect to an internal address", async () => {
    const { caller, apiKey } = await newOrganisation();
    await trpc(caller).llm.addEndpoint({ name: "Bouncer", kind: "openai", baseUrl: `${redirector.url}/v1`, models: ["bouncy-model"] });
    const response = await chat(apiKey, { model: "bouncy-model" });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/answered with a redirect \(307\); redirects are not followed/);
    expect(internalHits).toEqual([]);
  });

  it.each([
    [500, 503, { model: "echo-500" }, /^No model could answer right now/, "The model provider answered 500 (upstream error)."],
    [400, 400, { model: "echo-400" }, /^The model provider answered 400 \(invalid request\)\./, "The model provider answered 400 (invalid request)."],
    [401, 400, { model: "echo-401", stream: true }, /^The model provider answered 401 \(authentication failed\)\./, "The model provider answered 401 (authentication failed)."],
  ])("summarises an upstream %i and never echoes its body (answers %i)", async (upstream, status, body, message, summary) => {
    const { caller, apiKey } = await newOrganisation();
    await trpc(caller).llm.addEndpoint({ name: "Leaky", kind: "openai", baseUrl: `${model.url}/v1`, models: [body.model] });
    model.enqueue(Array.from({ length: 3 }, () => ({ fault: "status" as const, status: upstream, message: SECRET_BODY })), { model: body.model });
    const response = await chat(apiKey, body);
    const text = await response.text();
    expect(response.status).toBe(status);
    expect(JSON.parse(text).error.message).toMatch(message);
    expect(JSON.parse(text).error.details.fallbackChain[0].error).toContain(summary);
    expect(text).not.toMatch(/hunter2|AKIAIOSFODNN7EXAMPLE|password/);
  });
});
