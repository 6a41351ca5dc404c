import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SalesforceClient } from "@/server/connectors/salesforce/salesforce-client";
import { createSalesforceTools } from "@/server/connectors/salesforce/salesforce-tools";
import { ToolRegistry } from "@/server/tools/tool-registry";
import { allowLocalFakes } from "@/test/allow-local-fakes";
import { startFakeSalesforce, type FakeSalesforce } from "@/test/fakes/fake-salesforce-server";

describe("Salesforce connector against a fake Salesforce REST API", () => {
  let salesforce: FakeSalesforce;
  let registry: ToolRegistry;
  const context = { organisationId: "org-1" };

  beforeAll(async () => {
    salesforce = await startFakeSalesforce({ username: "ops@acme.test", password: "pw+token" });
    const client = new SalesforceClient({ kind: "password", loginUrl: salesforce.url, clientId: "id", clientSecret: "secret", username: "ops@acme.test", password: "pw+token" }, allowLocalFakes(salesforce.url));
    registry = new ToolRegistry();
    for (const tool of createSalesforceTools(client)) registry.register(tool);
  });
  afterAll(() => salesforce.close());

  it("creates, reads, updates and deletes a record", async () => {
    const { id } = (await registry.execute("salesforce.create_record", { object: "Lead", fields: { LastName: "Lovelace", Company: "Analytical" } }, context)) as { id: string };
    expect(salesforce.records.get(id)).toMatchObject({ LastName: "Lovelace", type: "Lead" });
    await registry.execute("salesforce.update_record", { object: "Lead", id, fields: { Company: "Engines Ltd" } }, context);
    const record = (await registry.execute("salesforce.get_record", { object: "Lead", id, fields: ["Company"] }, context)) as Record<string, unknown>;
    expect(record.Company).toBe("Engines Ltd");
    await registry.execute("salesforce.delete_record", { object: "Lead", id }, context);
    expect(salesforce.records.has(id)).toBe(false);
  });

  it("follows query paging through nextRecordsUrl", async () => {
    for (const name of ["A", "B", "C", "D", "E"]) {
      await registry.execute("salesforce.create_record", { object: "Account", fields: { Name: name, Industry: "Energy" } }, context);
    }
    const result = (await registry.execute("salesforce.query", { soql: "SELECT Id, Name FROM Account WHERE Industry = 'Energy'" }, context)) as { records: { Name: string }[]; totalSize: number };
    expect(result.records.map((record) => record.Name)).toEqual(["A", "B", "C", "D", "E"]);
    expect(salesforce.requests.filter((request) => request.path.includes("/query/")).length).toBeGreaterThanOrEqual(2);
  });

  it("renews an expired session once and carries on", async () => {
    salesforce.expireSession();
    const before = salesforce.requests.filter((request) => request.path === "/services/oauth2/token").length;
    const result = (await registry.execute("salesforce.query", { soql: "SELECT Id FROM Account LIMIT 1" }, context)) as { records: unknown[] };
    expect(result.records).toHaveLength(1);
    expect(salesforce.requests.filter((request) => request.path === "/services/oauth2/token").length).toBe(before + 1);
  });

  it("surfaces Salesforce's own error codes and fields (never its free text) and refuses writes through the query tool", async () => {
    await expect(registry.execute("salesforce.create_record", { object: "Lead", fields: { Company: "No name" } }, context)).rejects.toThrow("Salesforce REQUIRED_FIELD_MISSING (400, invalid request) on LastName");
    await expect(registry.execute("salesforce.get_record", { object: "Lead", id: "00Q000000000000999" }, context)).rejects.toThrow(/NOT_FOUND/);
    await expect(registry.execute("salesforce.query", { soql: "DELETE FROM Account" }, context)).rejects.toMatchObject({ kind: "invalid_input" });
  });

  it("marks writes as destructive so the agent asks first", () => {
    const destructive = registry.list().filter((tool) => tool.destructive).map((tool) => tool.id);
    expect(destructive.sort()).toEqual(["salesforce.create_record", "salesforce.delete_record", "salesforce.update_record"]);
  });

  it("reports wrong credentials clearly", async () => {
    const client = new SalesforceClient({ kind: "password", loginUrl: salesforce.url, clientId: "id", clientSecret: "s", username: "ops@acme.test", password: "wrong" }, allowLocalFakes(salesforce.url));
    await expect(client.query("SELECT Id FROM Account")).rejects.toThrow("Salesforce invalid_grant (400, invalid request)");
  });
});
