import fs from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/database";
import { connectorCredentials } from "@/db/schema";
import { createAccount } from "@/server/accounts/create-account";
import { buildAgentTools } from "@/server/agent/build-agent-tools";
import type { Caller } from "@/server/auth/caller";
import { saveSalesforceCredentials } from "@/server/connectors/salesforce/salesforce-connection";
import { loadOrCreateSecretKey } from "@/server/secrets/secret-box";
import { createDiskStorage } from "@/server/storage/file-storage";
import { allowLocalFakes } from "@/test/allow-local-fakes";
import { startFakeSalesforce, type FakeSalesforce } from "@/test/fakes/fake-salesforce-server";
import { testDatabases } from "@/test/test-databases";

const USERNAME = "ops@acme.test";
const PASSWORD = "pw+token";
const SECRET_BODY = "<html>internal admin: root password=hunter2</html>";

interface LocalServer {
  url: string;
  hits: string[];
  close(): Promise<void>;
}

/** A loopback HTTP server playing an internal service (or a hostile "Salesforce") that answers `status` with a secret. */
async function startLocalServer(status: number, extraHeaders: Record<string, string> = {}): Promise<LocalServer> {
  const hits: string[] = [];
  const server: Server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url} auth=${request.headers.authorization ?? "-"}`);
    response.writeHead(status, { "content-type": "text/html", ...extraHeaders });
    response.end(SECRET_BODY);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * SSRF through the Salesforce connector, where it enters: saving credentials (login or instance URL typed by
 * an admin) and the token answer's `instance_url` and `nextRecordsUrl`, which the server would otherwise follow
 * with the access token. A loopback "internal service" must never be reached.
 */
describe.each(testDatabases)("Salesforce URLs and the outbound guard on $name", (target) => {
  let handle: DatabaseHandle;
  let owner: Caller;
  let internal: LocalServer;
  const servers: { close(): Promise<void> }[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cf-salesforce-ssrf-"));
  const secretKey = loadOrCreateSecretKey(dataDir);
  const password = (loginUrl: string) => ({ kind: "password" as const, loginUrl, clientId: "app", clientSecret: "app-secret", username: USERNAME, password: PASSWORD });
  const fakeSalesforce = async (options: { instanceUrl?: string; nextRecordsPrefix?: string } = {}): Promise<FakeSalesforce> => {
    const fake = await startFakeSalesforce({ username: USERNAME, password: PASSWORD, ...options });
    servers.push(fake);
    return fake;
  };

  beforeAll(async () => {
    handle = await target.open();
    internal = await startLocalServer(200);
    owner = { ...(await createAccount(handle.db, { email: "sf-ssrf@example.com", password: "owner password 1" })), via: "session" };
  });
  afterEach(async () => {
    expect(internal.hits).toEqual([]);
    expect(await handle.db.$count(connectorCredentials)).toBe(0);
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  afterAll(async () => {
    await internal.close();
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    ["the cloud metadata service", () => password("http://169.254.169.254"), /169\.254\.169\.254 is a cloud metadata service address/],
    ["an internal service on loopback", () => password(internal.url), /127\.0\.0\.1 is a loopback address/],
    ["localhost", () => password(`http://localhost:${new URL(internal.url).port}`), /localhost resolves to a loopback address/],
    ["a login URL with a query string", () => password("https://login.salesforce.com/?next=http://169.254.169.254"), /query string/],
    ["a private instance URL with a token", () => ({ kind: "token" as const, instanceUrl: "http://10.0.0.9", accessToken: "t" }), /private-network address/],
  ])("refuses to save credentials pointing at %s, storing nothing", async (_, credentials, message) => {
    const saving = saveSalesforceCredentials({ db: handle.db, secretKey, outbound: allowLocalFakes() }, owner, credentials());
    await expect(saving).rejects.toMatchObject({ code: "bad_request", message: expect.stringMatching(message) });
  });

  it.each([
    ["on loopback", () => internal.url, /instance URL the server will not call: 127\.0\.0\.1 is a loopback address/],
    ["on the metadata service", () => "http://169.254.169.254", /instance URL the server will not call: 169\.254\.169\.254 is a cloud metadata/],
  ])("refuses an instance_url %s from an allowed login server, before sending it the token", async (_, instanceUrl, message) => {
    const salesforce = await fakeSalesforce({ instanceUrl: instanceUrl() });
    const saving = saveSalesforceCredentials({ db: handle.db, secretKey, outbound: allowLocalFakes(salesforce.url) }, owner, password(salesforce.url));
    await expect(saving).rejects.toMatchObject({ code: "bad_request", message: expect.stringMatching(message) });
  });

  it("refuses a login server's redirect", async () => {
    const redirecting = await startLocalServer(307, { location: `${internal.url}/services/oauth2/token` });
    servers.push(redirecting);
    const saving = saveSalesforceCredentials({ db: handle.db, secretKey, outbound: allowLocalFakes(redirecting.url) }, owner, password(redirecting.url));
    await expect(saving).rejects.toMatchObject({ code: "bad_request", message: expect.stringMatching(/redirects are not followed/) });
  });

  it("summarises an instance's error page instead of echoing it", async () => {
    const leaky = await startLocalServer(500);
    servers.push(leaky);
    const saving = saveSalesforceCredentials({ db: handle.db, secretKey, outbound: allowLocalFakes(leaky.url) }, owner, { kind: "token", instanceUrl: leaky.url, accessToken: "t" });
    const error = await saving.then(() => undefined, (caught: unknown) => caught as Error);
    expect(error?.message).toMatch(/nothing was stored: Salesforce HTTP_500 \(500, upstream error\)\./);
    expect(error?.message).not.toContain("hunter2");
  });

  it("never follows a nextRecordsUrl off the instance, so the access token stays there", async () => {
    const salesforce = await fakeSalesforce({ nextRecordsPrefix: internal.url });
    // Even with the other host allow-listed, a page link must stay on the instance's own origin.
    const outbound = allowLocalFakes(salesforce.url, internal.url);
    await saveSalesforceCredentials({ db: handle.db, secretKey, outbound }, owner, password(salesforce.url));
    const tools = await buildAgentTools({ db: handle.db, storage: createDiskStorage(path.join(dataDir, "files")), secretKey: () => secretKey, outbound }, owner.organisationId);
    const context = { organisationId: owner.organisationId };
    for (const name of ["A", "B", "C"]) await tools.execute("salesforce.create_record", { object: "Account", fields: { Name: name } }, context);
    await expect(tools.execute("salesforce.query", { soql: "SELECT Id, Name FROM Account" }, context)).rejects.toThrow(/Salesforce UNEXPECTED_URL/);
    await handle.db.delete(connectorCredentials);
  });
});
