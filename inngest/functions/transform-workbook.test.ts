import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { utils, type WorkSheet, write } from "@e965/xlsx";
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/database";
import { transformWorkbook } from "@/inngest/functions/transform-workbook";
import { createAccount } from "@/server/accounts/create-account";
import type { Caller } from "@/server/auth/caller";
import { createDiskStorage, type FileStorage } from "@/server/storage/file-storage";
import { uploadWorkbook } from "@/server/workbooks/upload-workbook";
import { findWorkbook } from "@/server/workbooks/workbook-repository";
import { buildEncryptedFile, buildLoanWorkbook, withChartAndMacros, writeWorkbook } from "@/test/fixtures/workbooks/build-workbooks";
import { testDatabases } from "@/test/test-databases";

/** The durable transform itself (@inngest/test runs its steps for real) against PGlite and disk storage. */
describe("transformWorkbook", () => {
  let handle: DatabaseHandle;
  let storage: FileStorage;
  let caller: Caller;
  const globals = globalThis as unknown as { candlefishDb?: Promise<DatabaseHandle>; candlefishStorage?: FileStorage };

  beforeAll(async () => {
    handle = await testDatabases[0]!.open();
    storage = createDiskStorage(fs.mkdtempSync(path.join(os.tmpdir(), "cf-transform-")));
    globals.candlefishDb = Promise.resolve(handle);
    globals.candlefishStorage = storage;
    caller = { ...(await createAccount(handle.db, { email: "transform@example.com", password: "transform password" })), via: "session" };
  });
  afterAll(async () => {
    delete globals.candlefishDb;
    delete globals.candlefishStorage;
    await handle.close();
  });

  async function run(fileName: string, bytes: Uint8Array) {
    const { workbookId } = await uploadWorkbook({ db: handle.db, storage, requestTransform: async () => `event-${fileName}` }, caller, { fileName, bytes });
    const engine = new InngestTestEngine({
      function: transformWorkbook,
      events: [{ name: "workbook/transform.requested", data: { organisationId: caller.organisationId, workbookId } }],
    });
    const started = performance.now();
    const { result, error } = await engine.execute();
    return { result, error, ms: performance.now() - started, row: await findWorkbook(handle.db, caller.organisationId, workbookId) };
  }

  it("parses, analyses, compiles and generates a loan workbook into three downloads and a preview", async () => {
    const { result, row } = await run("Loan.xlsx", buildLoanWorkbook());
    expect(result).toMatchObject({ generated: { frameworks: ["react", "vue", "angular"], preview: true, error: null } });
    expect(row).toMatchObject({ status: "ready", error: null });
    expect(row?.downloads?.projects).toHaveLength(3);
  }, 60_000);

  it("turns a workbook without formulas into a data viewer app", async () => {
    const book = utils.book_new();
    utils.book_append_sheet(book, utils.aoa_to_sheet([["Name", "Qty"], ["Apples", 3], ["Pears", 5]]), "Stock");
    const { row } = await run("Stock.xlsx", new Uint8Array(write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer));
    expect(row?.status).toBe("ready");
    expect(row?.analysis).toMatchObject({ formulaCount: 0, inputs: [], tables: [expect.objectContaining({ headers: ["Name", "Qty"] })] });
    expect(row?.downloads).toMatchObject({ preview: expect.any(Object), projects: expect.arrayContaining([expect.objectContaining({ framework: "react" })]) });
  }, 60_000);

  it("handles hundreds of sheets without stalling", async () => {
    const sheets = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`S${i + 1}`, [["Value", i + 1], ["Double", { t: "n", f: "B1*2", v: (i + 1) * 2 }]]]));
    const { row, ms } = await run("Sheets.xlsx", writeWorkbook(sheets as Parameters<typeof writeWorkbook>[0]));
    expect(row?.status).toBe("ready");
    expect(row?.fidelity).toMatchObject({ matched: 300, total: 300 });
    expect(row?.downloads?.projects).toHaveLength(3);
    expect(ms).toBeLessThan(45_000);
  }, 90_000);

  it("ignores a macro-enabled workbook's macros and reports them", async () => {
    const { row } = await run("Loan.xlsm", withChartAndMacros(buildLoanWorkbook(), "Payments", "Schedule!A2:A6", "Schedule!B2:B6"));
    expect(row?.status).toBe("ready");
    expect(row?.analysis).toMatchObject({ unsupported: expect.arrayContaining([expect.objectContaining({ kind: "macros" })]) });
    expect(row?.downloads?.projects).toHaveLength(3);
  }, 60_000);

  it("keeps a 1,000,000-cell workbook's analysis and fidelity, and says why it generates no app", async () => {
    const sheet: WorkSheet = {};
    let total = 0;
    for (let r = 0; r < 100_000; r += 1) {
      for (let c = 0; c < 10; c += 1) {
        sheet[utils.encode_cell({ r, c })] = { t: "n", v: r + c };
        total += r + c;
      }
    }
    sheet["L1"] = { t: "n", f: "SUM(A1:J100000)", v: total };
    sheet["!ref"] = "A1:L100000";
    const book = utils.book_new();
    utils.book_append_sheet(book, sheet, "Data");
    const { row, ms } = await run("Million.xlsx", new Uint8Array(write(book, { type: "array", bookType: "xlsx", compression: true }) as ArrayBuffer));
    expect(row).toMatchObject({ status: "ready", fidelity: { matched: 1, total: 1 } });
    expect(row?.downloads).toMatchObject({ projects: [], preview: null, error: expect.stringMatching(/1,000,001 cells; apps can be generated for up to 300,000/) });
    expect(ms).toBeLessThan(150_000);
  }, 240_000);

  it("fails a password-protected workbook at once, with a message that says what to do", async () => {
    const { error, row } = await run("Secret.xlsx", buildEncryptedFile());
    expect(error).toMatchObject({ name: "NonRetriableError" });
    expect(String((error as Error).message)).toMatch(/password/i);
    // The executor's onFailure handler then records the message on the row (status "failed").
    expect(row?.status).toBe("processing");
    expect(row?.downloads).toBeNull();
  }, 60_000);
});
