import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/database";
import { acceptEvents } from "@/inngest/executor/accept-events";
import { parseFunctionConfig } from "@/inngest/executor/function-config";
import { saveFunctions } from "@/inngest/executor/function-registry";
import type { Caller } from "@/server/auth/caller";
import { cancelRun } from "@/server/runs/cancel-run";
import { getRunOrThrow } from "@/server/runs/get-run";
import { listRuns } from "@/server/runs/list-runs";
import { rerunRun } from "@/server/runs/rerun-run";
import { testDatabases } from "@/test/test-databases";

const caller = (organisationId: string): Caller => ({ userId: `user-${organisationId}`, organisationId, role: "owner", via: "session" });
const alice = caller("org-alice");
const mallory = caller("org-mallory");

describe.each(testDatabases)("runs services on $name", (target) => {
  let handle: DatabaseHandle;
  let aliceRunId: string;
  beforeAll(async () => {
    handle = await target.open();
    const fn = parseFunctionConfig({
      id: "app-report",
      name: "Build report",
      triggers: [{ event: "report/build.requested" }],
      steps: { step: { id: "step", name: "step", runtime: { type: "http", url: "http://app.test/api/inngest?fnId=app-report&stepId=step" } } },
    });
    await saveFunctions(handle.db, "app", [fn]);
    const { runIds } = await acceptEvents(handle.db, [
      { name: "report/build.requested", data: { organisationId: alice.organisationId, month: "2026-01" } },
      { name: "report/build.requested", data: { organisationId: mallory.organisationId, month: "2026-02" } },
    ]);
    aliceRunId = runIds[0]!;
  });
  afterAll(async () => {
    await handle.close();
  });

  it("lists and shows only the caller's organisation's runs", async () => {
    const { runs } = await listRuns(handle.db, alice, { limit: 10 });
    expect(runs).toEqual([expect.objectContaining({ id: aliceRunId, functionName: "Build report", status: "queued", trigger: "report/build.requested" })]);
    await expect(getRunOrThrow(handle.db, mallory, aliceRunId)).rejects.toMatchObject({ code: "not_found" });
    expect(await getRunOrThrow(handle.db, alice, aliceRunId)).toMatchObject({ id: aliceRunId, steps: [], event: { data: { month: "2026-01" } } });
  });

  it("cancels an active run once, and only for its organisation", async () => {
    await expect(cancelRun(handle.db, mallory, aliceRunId)).rejects.toMatchObject({ code: "not_found" });
    await cancelRun(handle.db, alice, aliceRunId);
    expect(await getRunOrThrow(handle.db, alice, aliceRunId)).toMatchObject({ status: "cancelled", error: { name: "Cancelled" } });
    await expect(cancelRun(handle.db, alice, aliceRunId)).rejects.toMatchObject({ code: "conflict" });
  });

  it("re-runs a run as a new run with the same event", async () => {
    const { runId } = await rerunRun(handle.db, alice, aliceRunId);
    expect(runId).not.toBe(aliceRunId);
    expect(await getRunOrThrow(handle.db, alice, runId)).toMatchObject({ status: "queued", event: { data: { month: "2026-01" } } });
    await expect(rerunRun(handle.db, mallory, aliceRunId)).rejects.toMatchObject({ code: "not_found" });
  });
});
