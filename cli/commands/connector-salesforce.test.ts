import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorSalesforce } from "@/cli/commands/connector-salesforce";
import type { DatabaseHandle } from "@/db/database";
import { createAccount } from "@/server/accounts/create-account";
import { getSalesforceConnection } from "@/server/connectors/salesforce/salesforce-connection";
import { loadOrCreateSecretKey } from "@/server/secrets/secret-box";
import { allowLocalFakes } from "@/test/allow-local-fakes";
import { startFakeSalesforce, type FakeSalesforce } from "@/test/fakes/fake-salesforce-server";
import { testDatabases } from "@/test/test-databases";

describe("cli connector salesforce", () => {
  let handle: DatabaseHandle;
  let salesforce: FakeSalesforce;
  let organisationId: string;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cf-cli-sf-"));
  const secretKey = () => loadOrCreateSecretKey(dataDir);
  const run = (argv: string[], stdin = "") => connectorSalesforce({ db: handle.db, secretKey, readStdin: async () => stdin, outbound: allowLocalFakes(salesforce.url) }, argv);

  beforeAll(async () => {
    handle = await testDatabases[0]!.open();
    salesforce = await startFakeSalesforce({ username: "ops@acme.test", password: "pw+token" });
    organisationId = (await createAccount(handle.db, { email: "cli-admin@example.com", password: "cli admin password" })).organisationId;
  });
  afterAll(async () => {
    await salesforce.close();
    await handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const passwordFlow = () => ["--email", "cli-admin@example.com", "--login-url", salesforce.url, "--client-id", "app", "--username", "ops@acme.test"];

  it("stores credentials whose secrets come as JSON on stdin, after Salesforce accepts them", async () => {
    const message = await run(passwordFlow(), JSON.stringify({ clientSecret: "s3cret", password: "pw+token" }));
    expect(message).toContain("stored Salesforce credentials (ops@acme.test via");
    expect(await getSalesforceConnection(handle.db, organisationId)).toMatchObject({ connected: true });
  });

  it("explains what stdin must hold, and reports credentials Salesforce refuses", async () => {
    await expect(run(passwordFlow(), "not json")).rejects.toMatchObject({ exitCode: 2, message: "stdin is not valid JSON" });
    await expect(run(passwordFlow(), JSON.stringify({ password: "pw+token" }))).rejects.toMatchObject({ exitCode: 2 });
    await expect(run(passwordFlow(), JSON.stringify({ clientSecret: "s3cret", password: "wrong" }))).rejects.toThrow(/did not work/);
    await expect(run(["--email", "nobody@example.com"])).rejects.toThrow(/no user with e-mail/);
  });

  it("removes them with --remove", async () => {
    expect(await run(["--email", "cli-admin@example.com", "--remove"])).toContain("removed");
    expect(await getSalesforceConnection(handle.db, organisationId)).toEqual({ connected: false });
  });
});
