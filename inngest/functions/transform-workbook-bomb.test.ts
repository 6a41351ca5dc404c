import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/database";
import { durableSteps } from "@/db/schema";
import { createTransformWorkbookFunction } from "@/inngest/functions/transform-workbook";
import { createAccount } from "@/server/accounts/create-account";
import type { Caller } from "@/server/auth/caller";
import { createDiskStorage, type FileStorage } from "@/server/storage/file-storage";
import { uploadWorkbook } from "@/server/workbooks/upload-workbook";
import { findWorkbook } from "@/server/workbooks/workbook-repository";
import { createTestClient, type Harness, runsOf, startHarness, waitForRun } from "@/test/durable/harness";
import { testDatabases } from "@/test/test-databases";
import { writeZip, zeroBomb } from "@/test/workbooks/write-zip";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A 150 KB .xlsx whose one sheet declares 0 bytes and inflates to 150 MB. */
function zipBomb(): Uint8Array {
  return writeZip([
    {
      name: "[Content_Types].xml",
      content: `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    },
    { name: "_rels/.rels", content: `<Relationships><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: "xl/workbook.xml", content: `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: "xl/_rels/workbook.xml.rels", content: `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>` },
    { name: "xl/worksheets/sheet1.xml", deflated: zeroBomb(150 * 1024 * 1024), declaredSize: 0 },
  ]);
}

/** The upload service and the durable transform on the embedded executor, as the app runs them. */
describe.each(testDatabases)("a zip-bomb upload on $name", (target) => {
  let handle: DatabaseHandle;
  let harness: Harness;
  let storage: FileStorage;
  let caller: Caller;
  const globals = globalThis as unknown as { candlefishDb?: Promise<DatabaseHandle>; candlefishStorage?: FileStorage };
  const client = createTestClient(() => handle.db);
  const transform = createTransformWorkbookFunction(client);

  beforeAll(async () => {
    handle = await target.open();
    storage = createDiskStorage(fs.mkdtempSync(path.join(os.tmpdir(), "cf-bomb-")));
    globals.candlefishDb = Promise.resolve(handle);
    globals.candlefishStorage = storage;
    caller = { ...(await createAccount(handle.db, { email: `bomb-${target.name}@example.com`, password: "bomb test password" })), via: "session" };
    harness = await startHarness(handle.db, client, [transform]);
  });
  afterAll(async () => {
    await harness.stop();
    delete globals.candlefishDb;
    delete globals.candlefishStorage;
    await handle.close();
  });

  it("fails in one attempt with the reason, never retried, and the workbook says why", async () => {
    const requestTransform = async (data: { organisationId: string; workbookId: string }) => {
      const { ids } = await client.send({ name: "workbook/transform.requested", data });
      return ids[0] ?? "";
    };
    const bytes = zipBomb();
    expect(bytes.byteLength).toBeLessThan(200 * 1024);
    const { workbookId } = await uploadWorkbook({ db: handle.db, storage, requestTransform }, caller, { fileName: "bomb.xlsx", bytes });

    const deadline = Date.now() + 20_000;
    let runs = await runsOf(handle.db, "test-app-workbook-transform");
    while (runs.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      runs = await runsOf(handle.db, "test-app-workbook-transform");
    }
    expect(runs).toHaveLength(1);
    const run = await waitForRun(handle.db, runs[0]!.id, ["completed", "failed", "cancelled"], 20_000);
    expect(run.status).toBe("failed");
    expect(JSON.stringify(run.error)).toMatch(/zip bomb/);

    const steps = await handle.db.select().from(durableSteps).where(eq(durableSteps.runId, run.id));
    expect(steps.map((step) => [step.name, step.status, step.attempts])).toEqual([["parse", "failed", 1]]);
    const calls = harness.calls.filter((call) => (call.body.ctx as { run_id: string }).run_id === run.id);
    expect(calls.every((call) => (call.body.ctx as { attempt: number }).attempt === 0)).toBe(true);

    for (;;) {
      const row = await findWorkbook(handle.db, caller.organisationId, workbookId);
      if (row?.status === "failed") {
        expect(row.error).toMatch(/expands more than 250 times its packed size \(a zip bomb\?\); it was not opened/);
        break;
      }
      if (Date.now() > deadline) throw new Error(`workbook is ${row?.status}, expected failed`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }, 60_000);
});
