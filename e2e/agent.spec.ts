import { expect, test } from "@playwright/test";
import { monthlyPayment, writeLoanWorkbook } from "./fixtures/loan-workbook";
import { AuthPage } from "./pages/auth-page";

test.describe.serial("workbook and agent", () => {
  const email = `agent-${Date.now()}@example.com`;

  test("an uploaded workbook is transformed, then the agent answers from it with tools, surviving a reload", async ({ page }) => {
    test.setTimeout(120_000);
    await new AuthPage(page).signUp(email, "agent e2e password");
    await expect(page).toHaveURL(/\/chat$/);

    await page.goto("/workbooks");
    await page.getByTestId("workbook-file-input").setInputFiles(writeLoanWorkbook());
    await expect(page).toHaveURL(/\/workbooks\/[\w-]+$/);
    await expect(page.getByTestId("fidelity-summary")).toContainText("1 of 1 formula cells", { timeout: 30_000 });
    await expect(page.getByTestId("analysis-inputs")).toContainText("Rate");
    await expect(page.getByTestId("analysis-outputs")).toContainText("Monthly payment");

    await page.goto("/chat");
    await page.getByTestId("chat-input").fill("What is the monthly payment on my loan workbook at 6%?");
    await page.getByTestId("send-message").click();
    await expect(page).toHaveURL(/\/chat\/[\w-]+$/);

    await expect(page.locator('[data-testid="tool-call-card"][data-tool="workbooks.list"]')).toBeVisible({ timeout: 30_000 });
    await page.reload();
    await expect(page.locator('[data-testid="tool-call-card"][data-tool="workbook.evaluate"]')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("streaming-draft")).toBeVisible({ timeout: 30_000 });

    const expected = monthlyPayment(0.06).toFixed(2);
    await expect(page.getByTestId("assistant-message").last()).toContainText(expected, { timeout: 30_000 });
    await expect(page.getByTestId("answer-meta").last()).toContainText("gpt-4o");

    const evaluate = page.locator('[data-testid="tool-call-card"][data-tool="workbook.evaluate"]');
    await expect(evaluate).toHaveAttribute("data-status", "succeeded");
    await evaluate.getByRole("button").first().click();
    await expect(evaluate.getByTestId("tool-output")).toContainText(expected.slice(0, 6));
  });

  test("the Runs view lists the agent run and the workbook transformation", async ({ page }) => {
    await new AuthPage(page).signIn(email, "agent e2e password");
    await expect(page).toHaveURL(/\/chat$/);
    await page.goto("/runs");
    await expect(page.getByText("Agent run").first()).toBeVisible();
    await expect(page.getByText("Transform workbook").first()).toBeVisible();
  });
});

test.describe.serial("cost dashboard", () => {
  test("shows the model calls the agent made, by model, with a prompt preview", async ({ page }) => {
    const email = `costs-${Date.now()}@example.com`;
    await new AuthPage(page).signUp(email, "costs e2e password");
    await expect(page).toHaveURL(/\/chat$/);
    await page.getByTestId("chat-input").fill("Which workbooks have I uploaded?");
    await page.getByTestId("send-message").click();
    await expect(page.getByTestId("answer-meta").last()).toBeVisible({ timeout: 30_000 });

    await page.goto("/admin/costs");
    await expect(page.getByTestId("costs-summary")).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId("cost-by-model")).toContainText("gpt-4o");
    await expect(page.getByTestId("cost-conversations")).toBeVisible();
  });
});

test("the agent answers from a ready workbook's own model tool", async ({ page }) => {
  test.setTimeout(120_000);
  await new AuthPage(page).signUp(`model-tool-${Date.now()}@example.com`, "model tool e2e password");
  await expect(page).toHaveURL(/\/chat$/);
  await page.goto("/workbooks");
  await page.getByTestId("workbook-file-input").setInputFiles(writeLoanWorkbook());
  await expect(page).toHaveURL(/\/workbooks\/[\w-]+$/);
  const workbookId = new URL(page.url()).pathname.split("/").at(-1);
  // Ready once the generate step has stored the apps; only ready workbooks are published as tools.
  await expect(page.getByTestId("workbook-downloads")).toBeVisible({ timeout: 60_000 });

  await page.goto("/chat");
  await page.getByTestId("chat-input").fill("Using my Loan workbook's model, what is the monthly payment at 6%?");
  await page.getByTestId("send-message").click();
  const card = page.locator(`[data-testid="tool-call-card"][data-tool="workbook.${workbookId}"]`);
  await expect(card).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
  const expected = monthlyPayment(0.06).toFixed(2);
  await expect(page.getByTestId("assistant-message").last()).toContainText(expected, { timeout: 30_000 });
  await card.getByRole("button").first().click();
  await expect(card.getByTestId("tool-output")).toContainText("Monthly payment");
});
