import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalJson, signBody } from "@/inngest/executor/signing";
import { startFakeInngestServer, type FakeInngestServer } from "@/test/fakes/fake-inngest-server";
import { serveRouteHandlers, type ServedRoutes } from "@/test/fakes/serve-route-handlers";
import { rawRequest } from "@/test/http-request";

/**
 * The serve route with a real Inngest server configured (INNGEST_BASE_URL): a sync must be signed, and the URL
 * it reports is INNGEST_SERVE_ORIGIN's, whatever Host or X-Forwarded-Host the request carries.
 */
const SIGNING_KEY = "signkey-prod-4f0c1e7d2b9a85366e1c0d7f3a2b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d";
const SERVE_ORIGIN = "http://app.internal:3000";

describe("PUT /api/inngest with an Inngest server", () => {
  let inngestServer: FakeInngestServer;
  let served: ServedRoutes;

  beforeAll(async () => {
    inngestServer = await startFakeInngestServer({ signingKey: SIGNING_KEY });
    Object.assign(process.env, { INNGEST_BASE_URL: inngestServer.url, INNGEST_SIGNING_KEY: SIGNING_KEY, INNGEST_EVENT_KEY: "event-key", INNGEST_SERVE_ORIGIN: SERVE_ORIGIN });
    delete process.env.INNGEST_DEV;
    // Imported only now, so env.ts reads the variables above.
    const route = await import("@/app/api/inngest/route");
    const asRoute = (handler: typeof route.PUT) => (request: Request) => handler(request as Parameters<typeof handler>[0], undefined);
    served = await serveRouteHandlers({ "PUT /api/inngest": asRoute(route.PUT) });
  });
  afterAll(async () => {
    await served?.close();
    await inngestServer?.close();
  });

  const forgedHosts = { host: "attacker.example", "x-forwarded-host": "attacker.example" };

  it("refuses an unsigned sync, so nothing reaches the Inngest server", async () => {
    const answer = await rawRequest(`${served.url}/api/inngest`, { method: "PUT", headers: forgedHosts });
    expect(answer.status).toBe(401);
    expect(inngestServer.syncs).toHaveLength(0);
  });

  it("syncs a signed request with the bearer token and the configured URL, not the Host", async () => {
    const answer = await rawRequest(`${served.url}/api/inngest`, { method: "PUT", headers: { ...forgedHosts, "x-inngest-signature": signBody("", SIGNING_KEY, new Date()) } });
    expect(answer.status).toBe(200);
    const [sync] = inngestServer.syncs;
    expect(sync?.body.url).toBe(`${SERVE_ORIGIN}/api/inngest`);
    expect(sync?.body.functions.length).toBeGreaterThan(0);
    for (const fn of sync?.body.functions ?? []) expect(fn.steps.step.runtime.url.startsWith(`${SERVE_ORIGIN}/api/inngest?`)).toBe(true);
  });

  it("refuses a sync signed with another key", async () => {
    const before = inngestServer.syncs.length;
    const body = { url: "https://attacker.example/api/inngest" };
    const forgedSignature = signBody(canonicalJson(body), SIGNING_KEY.replace(/.$/, "0"), new Date());
    const answer = await rawRequest(`${served.url}/api/inngest`, {
      method: "PUT",
      headers: { ...forgedHosts, "content-type": "application/json", "x-inngest-sync-kind": "in_band", "x-inngest-signature": forgedSignature },
      body: JSON.stringify(body),
    });
    expect(answer.status).toBe(401);
    expect(inngestServer.syncs).toHaveLength(before);
  });
});
