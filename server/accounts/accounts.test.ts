import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/database";
import { authenticateCredentials } from "@/server/accounts/authenticate-credentials";
import { createAccount } from "@/server/accounts/create-account";
import { findPrimaryMembership } from "@/server/accounts/organisation-repository";
import { listAuditEntriesByAction } from "@/server/audit/audit-repository";
import { testDatabases } from "@/test/test-databases";

describe.each(testDatabases)("accounts on $name", (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle.close();
  });

  it("gives each sign-up its own organisation, owned by them", async () => {
    const first = await createAccount(handle.db, { email: "Ada@Example.com", password: "correct horse" });
    const second = await createAccount(handle.db, { email: "bob@example.com", password: "battery staple" });
    expect(first.role).toBe("owner");
    expect(first.email).toBe("ada@example.com");
    expect(second.organisationId).not.toBe(first.organisationId);
    expect((await findPrimaryMembership(handle.db, second.userId))?.role).toBe("owner");
  });

  it("lets operators add members to the existing organisation", async () => {
    const member = await createAccount(
      handle.db,
      { email: "carol@example.com", password: "long enough" },
      { organisation: "existing", role: "admin" },
    );
    const owner = await authenticateCredentials(handle.db, { email: "ada@example.com", password: "correct horse" });
    const ownerMembership = await findPrimaryMembership(handle.db, owner!.id);
    expect(member.role).toBe("admin");
    expect(member.organisationId).toBe(ownerMembership?.organisationId);
  });

  it("refuses a duplicate e-mail whatever its case, changing nothing", async () => {
    await expect(createAccount(handle.db, { email: "ADA@example.com", password: "another one" })).rejects.toMatchObject({
      code: "conflict",
    });
    const failures = await listAuditEntriesByAction(handle.db, "account.create");
    expect(failures.some((entry) => entry.outcome === "failure")).toBe(true);
  });

  it("refuses short passwords and invalid e-mails", async () => {
    await expect(createAccount(handle.db, { email: "x@example.com", password: "short" })).rejects.toMatchObject({ code: "bad_request" });
    await expect(createAccount(handle.db, { email: "not-an-email", password: "long enough" })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("stores an argon2id hash, never the password", async () => {
    const user = await authenticateCredentials(handle.db, { email: "bob@example.com", password: "battery staple" });
    expect(user?.email).toBe("bob@example.com");
    const rows = await handle.db.query.users.findMany();
    for (const row of rows) {
      expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    }
  });

  it("rejects a wrong password and records it in the audit log", async () => {
    expect(await authenticateCredentials(handle.db, { email: "bob@example.com", password: "wrong password" })).toBeNull();
    expect(await authenticateCredentials(handle.db, { email: "nobody@example.com", password: "whatever1" })).toBeNull();
    const entries = await listAuditEntriesByAction(handle.db, "auth.sign_in");
    const reasons = entries.filter((entry) => entry.outcome === "failure").map((entry) => entry.details.reason);
    expect(reasons).toEqual(expect.arrayContaining(["wrong_password", "unknown_email"]));
  });
});
