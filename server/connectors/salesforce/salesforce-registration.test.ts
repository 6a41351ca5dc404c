import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/database";
import { connectorCredentials } from "@/db/schema";
import { buildAgentTools } from "@/server/agent/build-agent-tools";
import { createAccount } from "@/server/accounts/create-account";
import type { Caller } from "@/server/auth/caller";
import { getSalesforceConnection, removeSalesforceCredentials, saveSalesforceCredentials } from "@/server/connectors/salesforce/salesforce-connection";
import { loadOrCreateSecretKey } from "@/server/secrets/secret-box";
import { createDiskStorage } from "@/server/storage/file-storage";
import { allowLocalFakes } from "@/test/allow-local-fakes";
import { startFakeSalesforce, type FakeSalesforce } from "@/test/fakes/fake-salesforce-server";
import { testDatabases } from "@/test/test-databases";

const USERNAME = "ops@acme.test";
const PASSWORD = "correct horse+SECURITYTOKEN";

/** Organisations that stored Salesforce credentials get the connector's tools, against a fake Salesforce REST API. */
describe.each(testDatabases)("Salesforce registration on $name", (target) => {
  let handle: DatabaseHandle;
  let salesforce: FakeSalesforce;
  let owner: Caller;
  let other: Caller;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cf-salesforce-"));
  const secretKey = loadOrCreateSecretKey(dataDir);
  const storage = createDiskStorage(path.join(dataDir, "files"));
  const outbound = () => allowLocalFakes(salesforce.url);
  const toolsOf = async (caller: Caller) => buildAgentTools({ db: handle.db, storage, secretKey: () => secretKey, outbound: outbound() }, caller.organisationId);
  const salesforceToolIds = async (caller: Caller) => (await toolsOf(caller)).list().map((tool) => tool.id).filter((id) => id.startsWith("salesforce."));
  const credentials = () => ({ kind: "password" as const, loginUrl: salesforce.url, clientId: "connected-app", clientSecret: "app-secret-42", username: USERNAME, password: PASSWORD });

  beforeAll(async () => {
    handle = await target.open();
    salesforce = await startFakeSalesforce({ username: USERNAME, password: PASSWORD });
    owner = { ...(await createAccount(handle.db, { email: "sf-owner@example.com", password: "owner password 1" })), via: "session" };
    other = { ...(await createAccount(handle.db, { email: "sf-other@example.com", password: "other password 1" })), via: "session" };
  });
  afterAll(async () => {
    await salesforce.close();
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("offers no Salesforce tools before credentials are stored", async () => {
    expect(await salesforceToolIds(owner)).toEqual([]);
    expect(await getSalesforceConnection(handle.db, owner.organisationId)).toEqual({ connected: false });
  });

  it("refuses credentials Salesforce rejects, and stores nothing", async () => {
    await expect(saveSalesforceCredentials({ db: handle.db, secretKey, outbound: outbound() }, owner, { ...credentials(), password: "wrong" })).rejects.toThrow(/did not work, so nothing was stored/);
    expect(await handle.db.$count(connectorCredentials)).toBe(0);
  });

  it("lets only owners and admins store credentials", async () => {
    await expect(saveSalesforceCredentials({ db: handle.db, secretKey, outbound: outbound() }, { ...owner, role: "member" }, credentials())).rejects.toMatchObject({ code: "forbidden" });
  });

  it("stores verified credentials encrypted, and the organisation's agent gets working Salesforce tools", async () => {
    const saved = await saveSalesforceCredentials({ db: handle.db, secretKey, outbound: outbound() }, owner, credentials());
    expect(saved).toMatchObject({ connected: true, label: `${USERNAME} via ${new URL(salesforce.url).host}` });
    const [row] = await handle.db.select().from(connectorCredentials);
    expect(row?.encryptedCredentials).toMatch(/^v1:/);
    expect(row?.encryptedCredentials).not.toContain("app-secret-42");
    expect(row?.encryptedCredentials).not.toContain("SECURITYTOKEN");

    expect((await salesforceToolIds(owner)).sort()).toEqual(["salesforce.create_record", "salesforce.delete_record", "salesforce.get_record", "salesforce.query", "salesforce.update_record"]);
    const tools = await toolsOf(owner);
    expect(tools.get("salesforce.delete_record")?.destructive).toBe(true);
    await tools.execute("salesforce.create_record", { object: "Account", fields: { Name: "Acme Energy", Industry: "Energy" } }, { organisationId: owner.organisationId });
    const found = (await tools.execute("salesforce.query", { soql: "SELECT Id, Name FROM Account WHERE Industry = 'Energy'" }, { organisationId: owner.organisationId })) as { records: { Name: string }[] };
    expect(found.records.map((record) => record.Name)).toEqual(["Acme Energy"]);

    expect(await salesforceToolIds(other)).toEqual([]);
  });

  it("cannot open one organisation's sealed credentials as another's; that agent keeps its other tools", async () => {
    const [row] = await handle.db.select().from(connectorCredentials);
    await handle.db.insert(connectorCredentials).values({ organisationId: other.organisationId, connector: "salesforce", encryptedCredentials: row!.encryptedCredentials, label: "copied" });
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const tools = await toolsOf(other);
    expect(tools.list().some((tool) => tool.id.startsWith("salesforce."))).toBe(false);
    expect(tools.get("workbooks.list")).toBeDefined();
    expect(String(errors.mock.calls[0]?.[1])).toMatch(/could not be decrypted/);
    errors.mockRestore();
    await removeSalesforceCredentials(handle.db, other);
  });

  it("replaces stored credentials, and removing them takes the tools away", async () => {
    await saveSalesforceCredentials({ db: handle.db, secretKey, outbound: outbound() }, owner, credentials());
    expect(await handle.db.$count(connectorCredentials)).toBe(1);
    await removeSalesforceCredentials(handle.db, owner);
    expect(await salesforceToolIds(owner)).toEqual([]);
    await expect(removeSalesforceCredentials(handle.db, owner)).rejects.toMatchObject({ code: "not_found" });
  });
});
