import { expect, test } from "@playwright/test";

test("GET /api/health reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", db: "ok", dbDriver: "pglite" });
});

test("REST routes refuse a missing key and malformed credentials with 401 JSON", async ({ request }) => {
  const missing = await request.get("/api/v1/me");
  expect(missing.status()).toBe(401);
  expect((await missing.json()).error.code).toBe("unauthorized");
  const wrong = await request.get("/api/v1/me", { headers: { authorization: "Bearer cf_definitely-not-a-valid-key" } });
  expect(wrong.status()).toBe(401);
});
