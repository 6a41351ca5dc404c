import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/database";
import { durableFunctions } from "@/db/schema";
import { handleIntakeRequest } from "@/inngest/executor/intake";
import { hashSigningKey } from "@/inngest/executor/signing";
import { startEmbeddedExecutor } from "@/inngest/executor/start";
import { createTestClient, startHarness, TEST_ORIGIN, TEST_SERVE_URL, waitForRun, waitForRunsOf } from "@/test/durable/harness";
import { testDatabases } from "@/test/test-databases";

/** Production mode (signed requests), registration refusals, event keys, and the dev-mode guard. */
const SIGNING_KEY = "signkey-prod-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe.each(testDatabases)("embedded executor security on $name", (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle.close();
  });

  it("production mode: signs every call request, and the SDK rejects unsigned ones", async () => {
    const client = createTestClient(() => handle.db, { signingKey: SIGNING_KEY, eventKey: "prod-key" });
    const signed = client.createFunction({ id: "signed", triggers: [{ event: "test/signed" }] }, async ({ step }) => step.run("only", () => "ok"));
    const harness = await startHarness(handle.db, client, [signed], { signingKey: SIGNING_KEY });
    try {
      await client.send({ name: "test/signed", data: {} });
      const [run] = await waitForRunsOf(handle.db, "test-app-signed", 1);
      expect(await waitForRun(handle.db, run!.id)).toMatchObject({ status: "completed", output: "ok" });
      expect(harness.calls.every((call) => call.status !== 401)).toBe(true);

      const { serve } = await import("inngest/next");
      const handler = serve({ client, functions: [signed] });
      const forged = new Request(`${TEST_ORIGIN}/api/inngest?fnId=test-app-signed&stepId=step`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ event: { name: "test/signed", data: {} }, events: [], steps: {}, ctx: { run_id: "forged", attempt: 0, stack: { stack: [], current: 0 } } }),
      });
      expect((await handler.POST(forged as never, undefined as never)).status).toBe(401);
    } finally {
      await harness.stop();
    }
  });

  it("production mode: refuses syncs without the signing key's bearer token and events with another key", async () => {
    const register = (authorization?: string) =>
      handleIntakeRequest(
        new Request(`${TEST_ORIGIN}/fn/register`, {
          method: "POST",
          headers: authorization ? { authorization } : {},
          body: JSON.stringify({ url: TEST_SERVE_URL, appName: "x", functions: [] }),
        }),
        { db: handle.db, signingKey: SIGNING_KEY, serveUrl: TEST_SERVE_URL },
      );
    expect((await register()).status).toBe(401);
    expect((await register("Bearer signkey-prod-nope")).status).toBe(401);
    expect((await register(`Bearer ${hashSigningKey(SIGNING_KEY.replace(/.$/, "0"))}`)).status).toBe(401);
    expect((await register(`Bearer ${hashSigningKey(SIGNING_KEY)}`)).status).toBe(200);
    const send = (key: string) =>
      handleIntakeRequest(new Request(`${TEST_ORIGIN}/api/inngest/e/${key}`, { method: "POST", body: JSON.stringify({ name: "test/x", data: {} }) }), {
        db: handle.db,
        eventKey: "right",
      });
    expect((await send("wrong")).status).toBe(401);
    expect(await (await send("right")).json()).toMatchObject({ status: 200, ids: [expect.any(String)] });
  });

  it("refuses a signed sync that reports another serve URL, for the app or for any function, and keeps the registered ones", async () => {
    const bearer = `Bearer ${hashSigningKey(SIGNING_KEY)}`;
    const fn = (id: string, url: string) => ({ id, name: id, triggers: [{ event: "test/x" }], steps: { step: { id: "step", name: "step", runtime: { type: "http", url } } } });
    const register = (body: unknown) =>
      handleIntakeRequest(new Request(`${TEST_ORIGIN}/fn/register`, { method: "POST", headers: { authorization: bearer }, body: JSON.stringify(body) }), {
        db: handle.db,
        signingKey: SIGNING_KEY,
        serveUrl: TEST_SERVE_URL,
      });
    const ours = await register({ url: TEST_SERVE_URL, appName: "pinned", functions: [fn("pinned-a", `${TEST_SERVE_URL}?fnId=pinned-a&stepId=step`)] });
    expect(ours.status).toBe(200);
    const attempts = [
      { url: "https://attacker.example/api/inngest", appName: "pinned", functions: [fn("pinned-a", "https://attacker.example/api/inngest?fnId=pinned-a&stepId=step")] },
      { url: TEST_SERVE_URL, appName: "pinned", functions: [fn("pinned-a", "https://attacker.example/api/inngest?fnId=pinned-a&stepId=step")] },
      { url: TEST_SERVE_URL, appName: "pinned", functions: [fn("pinned-a", `${TEST_ORIGIN}/elsewhere?fnId=pinned-a&stepId=step`)] },
      { url: "http://app.test:8080/api/inngest", appName: "pinned", functions: [] },
    ];
    for (const attempt of attempts) {
      const refused = await register(attempt);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: expect.stringMatching(/this executor calls only http:\/\/app\.test\/api\/inngest/) });
    }
    const rows = await handle.db.select().from(durableFunctions).where(eq(durableFunctions.appId, "pinned"));
    expect(rows.map((row) => row.url)).toEqual([`${TEST_SERVE_URL}?fnId=pinned-a&stepId=step`]);
  });

  it("accepts syncs only in-process: the HTTP event intake (no serve URL) refuses them even when signed", async () => {
    const request = new Request(`${TEST_ORIGIN}/fn/register`, {
      method: "POST",
      headers: { authorization: `Bearer ${hashSigningKey(SIGNING_KEY)}` },
      body: JSON.stringify({ url: TEST_SERVE_URL, appName: "x", functions: [] }),
    });
    expect((await handleIntakeRequest(request, { db: handle.db, signingKey: SIGNING_KEY, eventKey: "right" })).status).toBe(404);
  });

  it("refuses, at registration, functions using options the embedded executor does not implement", async () => {
    const client = createTestClient(() => handle.db);
    const throttled = client.createFunction(
      { id: "throttled", triggers: [{ event: "test/throttled" }], throttle: { limit: 1, period: "1s" } },
      async () => "never",
    );
    await expect(startHarness(handle.db, client, [throttled])).rejects.toThrow(/"test-app-throttled" uses "throttle"/);
  });

  it("refuses to run in dev mode when NODE_ENV=production unless explicitly allowed", async () => {
    await expect(startEmbeddedExecutor({ db: handle.db, nodeEnv: "production", logger: quiet })).rejects.toThrow(/INNGEST_SIGNING_KEY/);
    const allowed = await startEmbeddedExecutor({ db: handle.db, nodeEnv: "production", allowDevInProduction: true, logger: quiet });
    await allowed.stop();
    const signed = await startEmbeddedExecutor({ db: handle.db, nodeEnv: "production", signingKey: SIGNING_KEY, logger: quiet });
    await signed.stop();
  });
});
