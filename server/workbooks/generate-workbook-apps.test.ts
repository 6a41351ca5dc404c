import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/database";
import { createAccount } from "@/server/accounts/create-account";
import type { Caller } from "@/server/auth/caller";
import { createDiskStorage, type FileStorage } from "@/server/storage/file-storage";
import { downloadSlug, generateWorkbookApps } from "@/server/workbooks/generate-workbook-apps";
import { describeDownloads, readWorkbookPreview, readWorkbookProject } from "@/server/workbooks/read-workbook-download";
import { analyseWorkbookStep, compileWorkbookStep, parseWorkbookStep, type TransformTarget } from "@/server/workbooks/transform-steps";
import { uploadWorkbook } from "@/server/workbooks/upload-workbook";
import { findWorkbook } from "@/server/workbooks/workbook-repository";
import { buildLoanWorkbook } from "@/test/fixtures/workbooks/build-workbooks";
import { readZip } from "@/test/read-zip";
import { testDatabases } from "@/test/test-databases";

const [pglite] = testDatabases;

describe("generateWorkbookApps", () => {
  let handle: DatabaseHandle;
  let storage: FileStorage;
  let caller: Caller;
  let other: Caller;
  let target: TransformTarget;

  beforeAll(async () => {
    handle = await pglite!.open();
    storage = createDiskStorage(fs.mkdtempSync(path.join(os.tmpdir(), "cf-generate-apps-")));
    caller = { ...(await createAccount(handle.db, { email: "gen@example.com", password: "generate password" })), via: "session" };
    other = { ...(await createAccount(handle.db, { email: "gen-other@example.com", password: "other password" })), via: "session" };
    const uploaded = await uploadWorkbook({ db: handle.db, storage, requestTransform: async () => "event-1" }, caller, { fileName: "Loan Model.xlsx", bytes: buildLoanWorkbook() });
    target = { db: handle.db, storage, organisationId: caller.organisationId, workbookId: uploaded.workbookId };
    await parseWorkbookStep(target);
    await analyseWorkbookStep(target);
    await compileWorkbookStep(target);
  }, 60_000);
  afterAll(() => handle.close());

  it("stores a zipped project per framework and a self-contained preview, recorded on the workbook", async () => {
    const downloads = await generateWorkbookApps(target);
    expect(downloads.projects.map((project) => project.fileName)).toEqual(["loan-model-react.zip", "loan-model-vue.zip", "loan-model-angular.zip"]);
    expect(downloads.error).toBeUndefined();
    expect(downloads.previewError).toBeUndefined();
    const row = await findWorkbook(handle.db, caller.organisationId, target.workbookId);
    expect(row?.downloads).toEqual(downloads);

    const react = readZip((await readWorkbookProject(handle.db, storage, caller.organisationId, target.workbookId, "react")).bytes);
    expect(react.get("loan-model-react/package.json")).toContain('"vite"');
    expect(react.get("loan-model-react/src/model.ts")).toMatch(/export function compute/);
    const angular = readZip((await readWorkbookProject(handle.db, storage, caller.organisationId, target.workbookId, "angular")).bytes);
    expect([...angular.keys()]).toContain("loan-model-angular/angular.json");

    const preview = await readWorkbookPreview(handle.db, storage, caller.organisationId, target.workbookId);
    const html = new TextDecoder().decode(preview.html);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? "");
    expect(scripts).toHaveLength(1);
    expect(createHash("sha256").update(scripts[0]!, "utf8").digest("base64")).toBe(preview.scriptSha256);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
    expect(scripts[0]).toContain("Monthly payment");
  }, 60_000);

  it("links the downloads of the current version only, and only within the organisation", async () => {
    const row = await findWorkbook(handle.db, caller.organisationId, target.workbookId);
    const links = describeDownloads(row!, "/api/v1/workbooks");
    expect(links.projects.map((project) => project.url)).toEqual(["react", "vue", "angular"].map((framework) => `/api/v1/workbooks/${target.workbookId}/downloads/${framework}`));
    expect(links.previewUrl).toBe(`/api/workbooks/${target.workbookId}/preview?v=1`);
    expect(describeDownloads({ ...row!, currentVersion: 2 }, "/api/v1/workbooks")).toEqual({ projects: [], previewUrl: null, error: null });
    await expect(readWorkbookProject(handle.db, storage, other.organisationId, target.workbookId, "react")).rejects.toMatchObject({ code: "not_found" });
  });

  it("names downloads from the workbook's name with safe characters only", () => {
    expect(downloadSlug("Loan Model (2024)")).toBe("loan-model-2024");
    expect(downloadSlug("../../etc")).toBe("etc");
    expect(downloadSlug("Prêts")).toBe("pr-ts");
    expect(downloadSlug("***")).toBe("workbook");
  });
});
