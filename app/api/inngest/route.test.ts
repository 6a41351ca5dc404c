import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/database";
import type { EmbeddedExecutor } from "@/inngest/executor/start";
import { canonicalJson, signBody } from "@/inngest/executor/signing";
import { rawRequest } from "@/test/http-request";
import { findFreePort, serveRouteHandlers, type ServedRoutes } from "@/test/fakes/serve-route-handlers";

/**
 * The attack from the security review, against the real serve route and the real embedded executor over HTTP:
 * an unauthenticated `PUT /api/inngest` with a forged Host (or X-Forwarded-Host) re-registered every function
 * at the attacker's address, and the executor then posted every tenant's events and step memos there.
 */
describe("PUT /api/inngest with the embedded executor", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cf-serve-sync-"));
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  let port: number;
  let served: ServedRoutes;
  let handle: DatabaseHandle;
  let executor: EmbeddedExecutor;
  let signingKey: string;
  let registered: () => Promise<{ id: string; url: string; updatedAt: Date }[]>;

  beforeAll(async () => {
    port = await findFreePort();
    Object.assign(process.env, { DATA_DIR: dataDir, PORT: String(port) });
    for (const name of ["DATABASE_URL", "INNGEST_BASE_URL", "INNGEST_DEV", "INNGEST_SIGNING_KEY", "INNGEST_SERVE_ORIGIN", "AUTH_URL"]) delete process.env[name];
    // Imported only now, so env.ts reads the variables above.
    const route = await import("@/app/api/inngest/route");
    const { inngestSigningKey } = await import("@/inngest/client");
    const { getDatabaseHandle } = await import("@/db/client");
    const { startExecutorFromEnv } = await import("@/inngest/executor/start-from-env");
    const { durableFunctions } = await import("@/db/schema");
    signingKey = inngestSigningKey as string;
    const asRoute = (handler: typeof route.PUT) => (request: Request) => handler(request as Parameters<typeof handler>[0], undefined);
    served = await serveRouteHandlers({ "GET /api/inngest": asRoute(route.GET), "POST /api/inngest": asRoute(route.POST), "PUT /api/inngest": asRoute(route.PUT) }, { port });
    handle = await getDatabaseHandle();
    registered = () => handle.db.select({ id: durableFunctions.id, url: durableFunctions.url, updatedAt: durableFunctions.updatedAt }).from(durableFunctions);
    executor = (await startExecutorFromEnv(handle, { logger: quiet })) as EmbeddedExecutor;
    await executor.synced;
  });
  afterAll(async () => {
    await executor?.stop();
    await served?.close();
    await handle?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const ownUrl = () => `http://127.0.0.1:${port}/api/inngest`;
  const forgedHosts = { host: "attacker.example", "x-forwarded-host": "attacker.example", "x-forwarded-proto": "https" };

  it("registers the functions at the configured loopback URL when the executor starts", async () => {
    const functions = await registered();
    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions) expect(fn.url).toBe(`${ownUrl()}?fnId=${fn.id}&stepId=step`);
  });

  it("refuses an unsigned sync with a forged Host, and the registered URLs stay the app's", async () => {
    const before = await registered();
    const answer = await rawRequest(ownUrl(), { method: "PUT", headers: forgedHosts });
    expect(answer.status).toBe(401);
    expect(await registered()).toEqual(before);
  });

  it("registers the configured URL, not the Host, even for a correctly signed sync", async () => {
    const before = await registered();
    const answer = await rawRequest(ownUrl(), { method: "PUT", headers: { ...forgedHosts, "x-inngest-signature": signBody("", signingKey, new Date()) } });
    expect(answer.status).toBe(200);
    const after = await registered();
    for (const fn of after) expect(fn.url).toBe(`${ownUrl()}?fnId=${fn.id}&stepId=step`);
    expect(after.every((fn, index) => fn.updatedAt.getTime() > (before[index]?.updatedAt.getTime() ?? Infinity))).toBe(true);
  });

  it("answers an in-band sync naming another URL with the configured URL (the path a real Inngest server takes)", async () => {
    const body = { url: "https://attacker.example/api/inngest" };
    const answer = await rawRequest(ownUrl(), {
      method: "PUT",
      headers: { ...forgedHosts, "content-type": "application/json", "x-inngest-sync-kind": "in_band", "x-inngest-signature": signBody(canonicalJson(body), signingKey, new Date()) },
      body: JSON.stringify(body),
    });
    expect(answer.status).toBe(200);
    const config = JSON.parse(answer.body) as { url: string; functions: { steps: { step: { runtime: { url: string } } } }[] };
    expect(config.url).toBe(ownUrl());
    for (const fn of config.functions) expect(new URL(fn.steps.step.runtime.url).origin).toBe(`http://127.0.0.1:${port}`);
  });
});
