import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/database";
import { durableJobs } from "@/db/schema";
import { createTestClient, startHarness, waitForRun, waitForRunsOf, type Harness } from "@/test/durable/harness";
import { testDatabases } from "@/test/test-databases";

/** cancelOn and concurrency limits with keys, through the real serve handler. */
describe.each(testDatabases)("embedded executor flow control on $name", (target) => {
  let handle: DatabaseHandle;
  let harness: Harness;
  const client = createTestClient(() => handle.db);
  const inFlight = new Map<string, number>();
  const peak = new Map<string, number>();

  const cancellable = client.createFunction(
    { id: "cancellable", triggers: [{ event: "test/long" }], cancelOn: [{ event: "test/stop", match: "data.jobId" }] },
    async ({ step }) => {
      await step.run("start", () => "started");
      await step.sleep("long-nap", "1h");
      return step.run("never", () => "should not run");
    },
  );
  const limited = client.createFunction(
    { id: "limited", triggers: [{ event: "test/limited" }], concurrency: [{ limit: 1, key: "event.data.group" }] },
    async ({ event, step }) => {
      const group = event.data.group as string;
      return step.run("work", async () => {
        inFlight.set(group, (inFlight.get(group) ?? 0) + 1);
        inFlight.set("all", (inFlight.get("all") ?? 0) + 1);
        peak.set(group, Math.max(peak.get(group) ?? 0, inFlight.get(group) as number));
        peak.set("all", Math.max(peak.get("all") ?? 0, inFlight.get("all") as number));
        await new Promise((resolve) => setTimeout(resolve, 150));
        inFlight.set(group, (inFlight.get(group) as number) - 1);
        inFlight.set("all", (inFlight.get("all") as number) - 1);
        return group;
      });
    },
  );
  // Matches any decision and any halt by its expressions: only the organisation scope keeps tenants apart.
  const tenantWaiter = client.createFunction(
    { id: "tenant-waiter", triggers: [{ event: "test/tenant-wait" }], cancelOn: [{ event: "test/halt" }] },
    async ({ step }) => {
      const decision = await step.waitForEvent("decision", { event: "test/decided", timeout: "1h", if: "true" });
      return { decidedFor: decision?.data.organisationId ?? null };
    },
  );

  beforeAll(async () => {
    handle = await target.open();
    harness = await startHarness(handle.db, client, [cancellable, limited, tenantWaiter]);
  });
  afterAll(async () => {
    await harness.stop();
    await handle.close();
  });

  it("cancelOn: a matching event cancels the sleeping run and drops its queued work; others are untouched", async () => {
    await client.send([
      { name: "test/long", data: { jobId: "keep" } },
      { name: "test/long", data: { jobId: "stop-me" } },
    ]);
    const runs = await waitForRunsOf(handle.db, "test-app-cancellable", 2);
    for (const run of runs) await waitForRun(handle.db, run.id, ["sleeping"]);
    await client.send({ name: "test/stop", data: { jobId: "stop-me" } });
    const stopped = runs.find((run) => (run.event as { data: { jobId: string } }).data.jobId === "stop-me")!;
    const kept = runs.find((run) => run.id !== stopped.id)!;
    expect(await waitForRun(handle.db, stopped.id, ["cancelled"])).toMatchObject({ status: "cancelled" });
    expect(await handle.db.select().from(durableJobs).where(eq(durableJobs.runId, stopped.id))).toEqual([]);
    expect(await waitForRun(handle.db, kept.id, ["sleeping"])).toMatchObject({ status: "sleeping" });
    expect(await handle.db.select().from(durableJobs).where(and(eq(durableJobs.runId, kept.id), eq(durableJobs.kind, "wake")))).toHaveLength(1);
  });

  it("an event naming an organisation resolves only that organisation's waits and cancels only its runs", async () => {
    await client.send(["org-a", "org-b", "org-c"].map((organisationId) => ({ name: "test/tenant-wait", data: { organisationId } })));
    const runs = await waitForRunsOf(handle.db, "test-app-tenant-waiter", 3);
    for (const run of runs) await waitForRun(handle.db, run.id, ["waiting"]);
    const runOf = (organisationId: string) => runs.find((run) => run.organisationId === organisationId)!;
    await client.send({ name: "test/decided", data: { organisationId: "org-b" } });
    expect(await waitForRun(handle.db, runOf("org-b").id)).toMatchObject({ status: "completed", output: { decidedFor: "org-b" } });
    await client.send({ name: "test/halt", data: { organisationId: "org-a" } });
    expect(await waitForRun(handle.db, runOf("org-a").id)).toMatchObject({ status: "cancelled" });
    expect(await waitForRun(handle.db, runOf("org-c").id, ["waiting"])).toMatchObject({ status: "waiting" });
  });

  it("concurrency: runs at most `limit` steps at once per key, while different keys run side by side", async () => {
    await client.send(["a", "a", "a", "b", "b", "b"].map((group) => ({ name: "test/limited", data: { group } })));
    const runs = await waitForRunsOf(handle.db, "test-app-limited", 6);
    for (const run of runs) expect(await waitForRun(handle.db, run.id)).toMatchObject({ status: "completed" });
    expect(peak.get("a")).toBe(1);
    expect(peak.get("b")).toBe(1);
    expect(peak.get("all")).toBe(2);
  });
});
