import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { utils, write } from "@e965/xlsx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/database";
import { createAccount } from "@/server/accounts/create-account";
import type { Caller } from "@/server/auth/caller";
import { createDiskStorage } from "@/server/storage/file-storage";
import { uploadWorkbook, type UploadWorkbookDependencies } from "@/server/workbooks/upload-workbook";
import { findWorkbook, findWorkbookVersion, listWorkbooks } from "@/server/workbooks/workbook-repository";
import { testDatabases } from "@/test/test-databases";

function loanWorkbook(): Uint8Array {
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet([["Rate", 0.05], ["Years", 30]]), "Loan");
  return new Uint8Array(write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

describe.each(testDatabases)("uploadWorkbook on $name", (target) => {
  let handle: DatabaseHandle;
  let caller: Caller;
  let other: Caller;
  let deps: UploadWorkbookDependencies;
  const sent: { organisationId: string; workbookId: string }[] = [];
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "cf-upload-"));

  beforeAll(async () => {
    handle = await target.open();
    caller = { ...(await createAccount(handle.db, { email: "up@example.com", password: "upload password" })), via: "session" };
    other = { ...(await createAccount(handle.db, { email: "other@example.com", password: "other password" })), via: "session" };
    deps = {
      db: handle.db,
      storage: createDiskStorage(root),
      requestTransform: async (event) => {
        sent.push(event);
        return `event-${sent.length}`;
      },
    };
  });
  afterAll(() => handle.close());

  it("stores the file, records version 1 and requests the transformation", async () => {
    const uploaded = await uploadWorkbook(deps, caller, { fileName: "Loan.xlsx", bytes: loanWorkbook() });
    expect(uploaded.version).toBe(1);
    expect(sent.at(-1)).toEqual({ organisationId: caller.organisationId, workbookId: uploaded.workbookId });
    const workbook = await findWorkbook(handle.db, caller.organisationId, uploaded.workbookId);
    expect(workbook).toMatchObject({ name: "Loan", status: "queued", eventId: uploaded.eventId });
    const version = await findWorkbookVersion(handle.db, uploaded.workbookId, 1);
    expect(fs.existsSync(path.join(root, version!.storageKey))).toBe(true);
  });

  it("adds a version on re-upload", async () => {
    const first = await uploadWorkbook(deps, caller, { fileName: "Budget.xlsx", bytes: loanWorkbook() });
    const second = await uploadWorkbook(deps, caller, { fileName: "Budget v2.xlsx", bytes: loanWorkbook(), workbookId: first.workbookId });
    expect(second).toMatchObject({ workbookId: first.workbookId, version: 2 });
    expect((await findWorkbook(handle.db, caller.organisationId, first.workbookId))?.currentVersion).toBe(2);
  });

  it("refuses an image renamed .xlsx without storing anything", async () => {
    const before = (await listWorkbooks(handle.db, caller.organisationId)).length;
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await expect(uploadWorkbook(deps, caller, { fileName: "photo.xlsx", bytes: png })).rejects.toMatchObject({ code: "unprocessable" });
    expect((await listWorkbooks(handle.db, caller.organisationId)).length).toBe(before);
  });

  it("does not let another organisation add versions", async () => {
    const mine = await uploadWorkbook(deps, caller, { fileName: "Mine.xlsx", bytes: loanWorkbook() });
    await expect(uploadWorkbook(deps, other, { fileName: "Mine.xlsx", bytes: loanWorkbook(), workbookId: mine.workbookId })).rejects.toMatchObject({ code: "not_found" });
  });
});
