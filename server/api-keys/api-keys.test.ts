import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/database";
import { createAccount, type CreatedAccount } from "@/server/accounts/create-account";
import { listApiKeys } from "@/server/api-keys/api-key-repository";
import { authenticateApiKey } from "@/server/api-keys/authenticate-api-key";
import { createApiKey } from "@/server/api-keys/create-api-key";
import { revokeApiKey } from "@/server/api-keys/revoke-api-key";
import { listAuditEntriesByAction } from "@/server/audit/audit-repository";
import type { Caller } from "@/server/auth/caller";
import { testDatabases } from "@/test/test-databases";

const asCaller = (account: CreatedAccount): Caller => ({ ...account, via: "session" });

describe.each(testDatabases)("API keys on $name", (target) => {
  let handle: DatabaseHandle;
  let alice: CreatedAccount;
  let mallory: CreatedAccount;
  beforeAll(async () => {
    handle = await target.open();
    alice = await createAccount(handle.db, { email: "alice@example.com", password: "alice password" });
    mallory = await createAccount(handle.db, { email: "mallory@example.com", password: "mallory password" });
  });
  afterAll(async () => {
    await handle.close();
  });

  it("authenticates a new key as its creator, storing only a hash", async () => {
    const created = await createApiKey(handle.db, alice, "ci");
    const caller = await authenticateApiKey(handle.db, `Bearer ${created.key}`);
    expect(caller).toMatchObject({ userId: alice.userId, organisationId: alice.organisationId, role: "owner", via: "api_key" });
    const rows = await handle.db.query.apiKeys.findMany();
    expect(rows.every((row) => row.hash !== created.key && !JSON.stringify(row).includes(created.key))).toBe(true);
    const listed = await listApiKeys(handle.db, alice.organisationId);
    expect(listed[0]?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("rejects missing, malformed and unknown keys with 401", async () => {
    await expect(authenticateApiKey(handle.db, null)).rejects.toMatchObject({ code: "unauthorized" });
    await expect(authenticateApiKey(handle.db, "Basic abc")).rejects.toMatchObject({ code: "unauthorized" });
    await expect(authenticateApiKey(handle.db, "Bearer cf_notarealkeynotarealkey")).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("rejects a revoked key and audits the attempt", async () => {
    const created = await createApiKey(handle.db, alice, "temporary");
    await revokeApiKey(handle.db, asCaller(alice), created.id);
    await expect(authenticateApiKey(handle.db, `Bearer ${created.key}`)).rejects.toMatchObject({
      code: "unauthorized",
      message: "This API key has been revoked.",
    });
    const failures = await listAuditEntriesByAction(handle.db, "api_key.authenticate");
    expect(failures.map((entry) => entry.details.reason)).toContain("revoked_key");
  });

  it("does not let another organisation see or revoke a key", async () => {
    const created = await createApiKey(handle.db, alice, "private");
    await expect(revokeApiKey(handle.db, asCaller(mallory), created.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await listApiKeys(handle.db, mallory.organisationId)).toEqual([]);
    await expect(authenticateApiKey(handle.db, `Bearer ${created.key}`)).resolves.toMatchObject({ organisationId: alice.organisationId });
  });
});
