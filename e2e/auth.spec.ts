import { expect, test } from "@playwright/test";
import { AuthPage } from "./pages/auth-page";

const email = `e2e-${Date.now()}@example.com`;
const password = "a long e2e password";

test.describe.serial("authentication", () => {
  test("a signed-out visitor is sent to sign-in, and back after signing in", async ({ page }) => {
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });

  test("sign up lands in the shell with the navigation", async ({ page }) => {
    const auth = new AuthPage(page);
    await auth.signUp(email, password);
    await expect(page).toHaveURL(/\/chat$/);
    await expect(page.getByTestId("signed-in-email")).toHaveText(email);
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const section of ["Chat", "Workbooks", "Runs", "Admin", "Settings"]) {
      await expect(nav.getByRole("link", { name: section })).toBeVisible();
    }
    await nav.getByRole("link", { name: "Workbooks" }).click();
    await expect(page.getByRole("heading", { name: "Workbooks", exact: true })).toBeVisible();
  });

  test("a duplicate sign-up is refused with a clear message", async ({ page }) => {
    const auth = new AuthPage(page);
    await auth.signUp(email, password);
    await expect(page.getByTestId("auth-error")).toContainText("already exists");
  });

  test("sign out, then sign in again; a wrong password is refused", async ({ page }) => {
    const auth = new AuthPage(page);
    await auth.signIn(email, password);
    await expect(page).toHaveURL(/\/chat$/);
    await page.getByTestId("sign-out").click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/chat");
    await expect(page).toHaveURL(/\/sign-in/);

    await auth.signIn(email, "not the password");
    await expect(page.getByTestId("auth-error")).toHaveText("Wrong e-mail or password.");
    await auth.signIn(email, password);
    await expect(page).toHaveURL(/\/chat$/);
  });

  test("an API key created in settings authenticates REST calls until revoked", async ({ page, request }) => {
    const auth = new AuthPage(page);
    await auth.signIn(email, password);
    await expect(page).toHaveURL(/\/chat$/);
    await page.goto("/settings");
    await page.getByLabel("Key name").fill("e2e");
    await page.getByRole("button", { name: "Create key" }).click();
    const key = (await page.getByTestId("new-api-key").textContent())?.trim() ?? "";
    expect(key).toMatch(/^cf_/);

    const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${key}` } });
    expect(me.status()).toBe(200);
    expect((await me.json()).user.email).toBe(email);

    await page.getByRole("button", { name: "Revoke" }).click();
    await expect(page.getByText("revoked")).toBeVisible();
    const revoked = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${key}` } });
    expect(revoked.status()).toBe(401);
    expect((await revoked.json()).error.message).toContain("revoked");
  });
});
