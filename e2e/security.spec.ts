import { expect, test, type Page, type Response } from "@playwright/test";
import { monthlyPayment, writeLoanWorkbook } from "./fixtures/loan-workbook";
import { AuthPage } from "./pages/auth-page";

/** Every CSP violation in the page or its frames, and every console or page error, as Chromium reports them. */
async function watchViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction("reportViolation", (text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${location.pathname}: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  page.on("console", (message) => {
    // A 404 status (the missing page visited on purpose, the absent favicon) is not a script problem.
    if (message.type() === "error" && !/status of 404/.test(message.text())) problems.push(`console (${page.url()}): ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error (${page.url()}): ${error.message}`));
  return problems;
}

function expectPagePolicy(response: Response | null): string {
  expect(response?.status()).toBeLessThan(500);
  const headers = response!.headers();
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("unsafe-eval");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("microphone=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  expect(headers["strict-transport-security"]).toBeUndefined();
  return /'nonce-([^']+)'/.exec(policy)![1]!;
}

/** The theme boot script is inline: it ran only if the nonce let it (dark mode is emulated). */
async function expectInlineScriptRan(page: Page) {
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  expect(await page.evaluate(() => [...document.scripts].every((script) => Boolean(script.nonce)))).toBe(true);
}

test.describe.serial("HTTP hardening", () => {
  const email = `headers-${Date.now()}@example.com`;
  const password = "headers e2e password";

  test("every page runs under a nonce CSP, with Permissions-Policy, without a single violation", async ({ page }) => {
    test.setTimeout(180_000);
    const problems = await watchViolations(page);
    await page.emulateMedia({ colorScheme: "dark" });

    expectPagePolicy(await page.goto("/sign-in"));
    await expectInlineScriptRan(page);
    await new AuthPage(page).signUp(email, password);
    await expect(page).toHaveURL(/\/chat$/);

    const nonces = new Set<string>();
    for (const path of ["/chat", "/workbooks", "/runs", "/admin", "/admin/costs", "/admin/routing", "/settings", "/docs", "/no-such-page"]) {
      nonces.add(expectPagePolicy(await page.goto(path)));
      await expectInlineScriptRan(page);
      await page.waitForLoadState("load");
    }
    expect(nonces.size).toBe(9);

    await page.goto("/settings");
    await page.getByLabel("Key name").fill("csp");
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByTestId("new-api-key")).toHaveText(/^cf_/);

    await page.goto("/workbooks");
    const previewResponse = page.waitForResponse((response) => /\/api\/workbooks\/[\w-]+\/preview(\?|$)/.test(response.url()));
    await page.getByTestId("workbook-file-input").setInputFiles(writeLoanWorkbook());
    await expect(page).toHaveURL(/\/workbooks\/[\w-]+$/);
    const previewPolicy = (await previewResponse).headers()["content-security-policy"] ?? "";
    expect(previewPolicy).toMatch(/^default-src 'none'; script-src 'sha256-[^']+'/);
    expect(previewPolicy).toContain("sandbox allow-scripts");
    const payment = page.frameLocator('[data-testid="workbook-preview"]').locator('[data-ref="Loan!B4"] dd');
    await expect.poll(async () => Number((await payment.innerText()).replace(/[^0-9.-]/g, "")), { timeout: 60_000 }).toBeCloseTo(monthlyPayment(0.05), 6);

    expect(problems).toEqual([]);
  });

  test("a cross-origin state change carrying the session cookie is refused", async ({ page, baseURL }) => {
    await new AuthPage(page).signIn(email, password);
    await expect(page).toHaveURL(/\/chat$/);
    const trpc = (origin: string) =>
      page.request.post("/api/trpc/runs.startDemo?batch=1", { headers: { origin, "content-type": "application/json" }, data: { 0: { json: { name: "csrf" } } } });

    const forged = await trpc("https://evil.example");
    expect(forged.status()).toBe(403);
    expect(JSON.stringify(await forged.json())).toContain("did not come from a page of this app");
    expect((await trpc(baseURL!)).status()).toBe(200);

    const upload = await page.request.post("/api/workbooks", {
      headers: { origin: "https://evil.example" },
      multipart: { file: { name: "Loan.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("not read") } },
    });
    expect(upload.status()).toBe(403);
    expect((await upload.json()).error.code).toBe("forbidden");

    const action = await page.request.post("/settings", { headers: { origin: "https://evil.example", "next-action": "0".repeat(40) }, data: "[]" });
    expect(action.status()).toBe(403);
  });

  test("HSTS and upgrade-insecure-requests only when served over https", async ({ request }) => {
    const plain = await request.get("/sign-in");
    expect(plain.headers()["strict-transport-security"]).toBeUndefined();
    expect(plain.headers()["content-security-policy"]).not.toContain("upgrade-insecure-requests");
    const behindTls = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
    expect(behindTls.headers()["strict-transport-security"]).toMatch(/^max-age=\d{8,}/);
    expect(behindTls.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  });
});
