import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { monthlyPayment, writeLoanWorkbook } from "./fixtures/loan-workbook";
import { buildEncryptedFile } from "../test/fixtures/workbooks/build-workbooks";
import { AuthPage } from "./pages/auth-page";

/** Drops a file on the dropzone the way a browser does: a drop event whose DataTransfer carries it. */
async function dropFile(page: Page, testId: string, file: string) {
  const bytes = [...fs.readFileSync(file)];
  const transfer = await page.evaluateHandle(
    ({ bytes, name }) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
      return data;
    },
    { bytes, name: path.basename(file) },
  );
  await page.getByTestId(testId).dispatchEvent("dragover", { dataTransfer: transfer });
  await page.getByTestId(testId).dispatchEvent("drop", { dataTransfer: transfer });
}

function amount(text: string): number {
  return Number(text.replace(/[^0-9.-]/g, ""));
}

test("a dropped workbook becomes a live app that recalculates, and its React project builds", async ({ page }) => {
  test.setTimeout(15 * 60_000);
  await new AuthPage(page).signUp(`workbooks-${Date.now()}@example.com`, "workbooks e2e password");
  await expect(page).toHaveURL(/\/chat$/);

  await page.goto("/workbooks");
  await dropFile(page, "workbook-dropzone", writeLoanWorkbook());
  await expect(page).toHaveURL(/\/workbooks\/[\w-]+$/);
  await expect(page.getByTestId("fidelity-summary")).toContainText("1 of 1 formula cells", { timeout: 60_000 });

  const preview = page.frameLocator('[data-testid="workbook-preview"]');
  await expect(page.getByTestId("workbook-preview")).toHaveAttribute("sandbox", "allow-scripts");
  const payment = preview.locator('[data-ref="Loan!B4"] dd');
  await expect.poll(async () => amount(await payment.innerText()), { timeout: 30_000 }).toBeCloseTo(monthlyPayment(0.05), 6);
  const rate = preview.getByLabel("Rate", { exact: true });
  await rate.fill("0.06");
  await expect.poll(async () => amount(await payment.innerText())).toBeCloseTo(monthlyPayment(0.06), 6);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-react").click()]);
  expect(download.suggestedFilename()).toBe("loan-react.zip");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cf-e2e-react-"));
  const zip = path.join(dir, "loan-react.zip");
  await download.saveAs(zip);
  execFileSync("unzip", ["-q", zip, "-d", dir]);
  const project = path.join(dir, "loan-react");
  const run = (args: string[]) => execFileSync("npm", args, { cwd: project, stdio: "pipe", timeout: 10 * 60_000, env: { ...process.env, npm_config_fund: "false", npm_config_audit: "false" } });
  run(["install", "--no-audit", "--no-fund", "--prefer-offline"]);
  run(["run", "build"]);
  expect(fs.readdirSync(path.join(project, "dist"))).toContain("index.html");
  fs.rmSync(dir, { recursive: true, force: true });
});

test("bad input gets a clear answer: an image renamed .xlsx is refused, a password-protected workbook fails with the reason", async ({ page }) => {
  await new AuthPage(page).signUp(`bad-input-${Date.now()}@example.com`, "bad input e2e password");
  await expect(page).toHaveURL(/\/chat$/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cf-e2e-bad-"));

  await page.goto("/workbooks");
  const image = path.join(dir, "photo.xlsx");
  fs.writeFileSync(image, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(0)]));
  await page.getByTestId("workbook-file-input").setInputFiles(image);
  await expect(page.getByTestId("upload-error")).toContainText("its contents do not match its .xlsx extension");
  await expect(page).toHaveURL(/\/workbooks$/);

  const secret = path.join(dir, "Secret.xlsx");
  fs.writeFileSync(secret, buildEncryptedFile());
  await page.getByTestId("workbook-file-input").setInputFiles(secret);
  await expect(page).toHaveURL(/\/workbooks\/[\w-]+$/);
  await expect(page.getByTestId("workbook-error")).toContainText("password-protected; remove the password in Excel", { timeout: 30_000 });
  await expect(page.getByTestId("workbook-preview")).toHaveCount(0);
  await expect(page.getByTestId("workbook-downloads")).toHaveCount(0);
});
