import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/database";
import { createAccount } from "@/server/accounts/create-account";
import { createWorkbookModelTools } from "@/server/agent/tools/workbook-model-tools";
import type { Caller } from "@/server/auth/caller";
import { createDiskStorage, type FileStorage } from "@/server/storage/file-storage";
import { ToolRegistry } from "@/server/tools/tool-registry";
import { analyseWorkbookStep, compileWorkbookStep, markWorkbookReady, parseWorkbookStep } from "@/server/workbooks/transform-steps";
import { uploadWorkbook } from "@/server/workbooks/upload-workbook";
import { buildLoanWorkbook, writeWorkbook } from "@/test/fixtures/workbooks/build-workbooks";
import { testDatabases } from "@/test/test-databases";

/** PMT for a monthly repayment of `principal` over `years`, in closed form (not through the engine). */
function monthlyPayment(rate: number, years: number, principal: number): number {
  const r = rate / 12;
  return (principal * r) / (1 - (1 + r) ** -(years * 12));
}

describe("workbook model tools", () => {
  let handle: DatabaseHandle;
  let storage: FileStorage;
  let caller: Caller;
  let registry: ToolRegistry;
  let loanId: string;

  async function transform(fileName: string, bytes: Uint8Array, ready = true): Promise<string> {
    const { workbookId } = await uploadWorkbook({ db: handle.db, storage, requestTransform: async () => `event-${fileName}` }, caller, { fileName, bytes });
    const target = { db: handle.db, storage, organisationId: caller.organisationId, workbookId };
    await parseWorkbookStep(target);
    await analyseWorkbookStep(target);
    await compileWorkbookStep(target);
    if (ready) await markWorkbookReady(target);
    return workbookId;
  }

  beforeAll(async () => {
    handle = await testDatabases[0]!.open();
    storage = createDiskStorage(fs.mkdtempSync(path.join(os.tmpdir(), "cf-model-tools-")));
    caller = { ...(await createAccount(handle.db, { email: "model-tools@example.com", password: "model tools password" })), via: "session" };
    loanId = await transform("Loan.xlsx", buildLoanWorkbook());
    await transform("Headcount.xlsx", writeWorkbook({ Staff: [["Sales", 4], ["Support", 6], ["Total", { t: "n", f: "B1+B2", v: 10 }]] }));
    await transform("Unfinished.xlsx", buildLoanWorkbook(), false);
    registry = new ToolRegistry();
    for (const tool of await createWorkbookModelTools(handle.db, storage, caller.organisationId)) registry.register(tool);
  }, 60_000);
  afterAll(() => handle.close());

  it("publishes each ready workbook as a model tool whose input schema is its typed, labelled inputs", () => {
    const tools = registry.list();
    expect(tools.map((tool) => tool.name).sort()).toEqual(["Headcount model", "Loan model"]);
    const loan = registry.list().find((tool) => tool.id === `workbook.${loanId}`)!;
    expect(loan.category).toBe("model");
    const properties = loan.inputJsonSchema.properties as Record<string, { type?: string; description?: string; enum?: string[] }>;
    expect(properties.annual_rate).toMatchObject({ type: "number" });
    expect(properties.annual_rate?.description).toMatch(/Loan!B4.*0\.06 means 6%/);
    expect(properties.amount).toMatchObject({ type: "number" });
    expect(properties.plan?.enum).toEqual(["Standard", "Premium"]);
    expect(properties.insured).toMatchObject({ type: "boolean" });
    expect(properties.start_date).toMatchObject({ type: "string" });
    expect(loan.inputJsonSchema.required ?? []).toEqual([]);
  });

  it("is what discovery finds for a question about the loan's monthly payment", async () => {
    const [best] = await registry.discover("monthly payment loan rate", 3);
    expect(best?.id).toBe(`workbook.${loanId}`);
  });

  it("computes the outputs with the engine: PMT at rate 0.06, other inputs kept", async () => {
    const result = (await registry.execute(`workbook.${loanId}`, { annual_rate: 0.06 }, { organisationId: caller.organisationId })) as {
      outputs: { label: string; value: unknown }[];
    };
    const payment = result.outputs.find((output) => output.label === "Monthly payment");
    expect(payment?.value).toBeCloseTo(monthlyPayment(0.06, 30, 200000), 9);
  });

  it("starts every call from the workbook's own values, whatever an earlier call set", async () => {
    await registry.execute(`workbook.${loanId}`, { annual_rate: 0.09, years: 10 }, { organisationId: caller.organisationId });
    const result = (await registry.execute(`workbook.${loanId}`, { amount: 100000 }, { organisationId: caller.organisationId })) as { outputs: { label: string; value: unknown }[] };
    expect(result.outputs.find((output) => output.label === "Monthly payment")?.value).toBeCloseTo(monthlyPayment(0.05, 30, 100000), 9);
  });

  it("refuses inputs the workbook does not have, or of the wrong type", async () => {
    await expect(registry.execute(`workbook.${loanId}`, { interest: 0.06 }, { organisationId: caller.organisationId })).rejects.toMatchObject({ kind: "invalid_input" });
    await expect(registry.execute(`workbook.${loanId}`, { annual_rate: "6%" }, { organisationId: caller.organisationId })).rejects.toMatchObject({ kind: "invalid_input" });
  });
});
