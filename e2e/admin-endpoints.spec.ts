import { expect, test } from "@playwright/test";
import { AuthPage } from "./pages/auth-page";

const modelPort = Number(process.env.E2E_PORT ?? 3100) + 99;

/** An admin adding a model endpoint that points inside the server's network sees why it is refused, and keeps the form. */
test("a model endpoint on the metadata service or loopback is refused with the reason, and nothing is added", async ({ page }) => {
  await new AuthPage(page).signUp(`e2e-endpoints-${Date.now()}@example.com`, "a long e2e password");
  await expect(page).toHaveURL(/\/chat$/);
  await page.goto("/admin/routing");
  const form = page.getByTestId("endpoint-form");
  await form.getByLabel("Endpoint name").fill("Sneaky");
  await form.getByLabel("Models").fill("sneaky-model");

  // The scripted model listens on loopback: a real internal service the server must not be pointed at.
  const refused: [baseUrl: string, reason: string][] = [
    ["http://169.254.169.254/latest", "169.254.169.254 is a cloud metadata service address"],
    [`http://127.0.0.1:${modelPort}/v1`, "127.0.0.1 is a loopback address"],
  ];
  for (const [baseUrl, reason] of refused) {
    await form.getByLabel("Base URL").fill(baseUrl);
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByTestId("endpoint-error")).toContainText(reason);
    await expect(page.getByTestId("endpoint-error")).toContainText("ALLOWED_PRIVATE_ENDPOINTS");
    await expect(form.getByLabel("Base URL")).toHaveValue(baseUrl);
  }
  await expect(form.getByLabel("Endpoint name")).toHaveValue("Sneaky");
  await expect(page.getByText("No endpoints added")).toBeVisible();
});
