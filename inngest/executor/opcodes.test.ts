import { createHash } from "node:crypto";
import { NonRetriableError, RetryAfterError } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/database";
import { createTestClient, startHarness, stepsOf, waitForRun, waitForRunsOf, type Harness } from "@/test/durable/harness";
import { testDatabases } from "@/test/test-databases";

/** One contract test per opcode the embedded executor implements, driving the real `inngest/next` serve handler. */
const hash = (id: string) => createHash("sha1").update(id).digest("hex");

describe.each(testDatabases)("embedded executor opcodes on $name", (target) => {
  let handle: DatabaseHandle;
  let harness: Harness;
  const counts = new Map<string, number>();
  const bump = (key: string) => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts.get(key) as number;
  };
  const client = createTestClient(() => handle.db);

  const sequential = client.createFunction({ id: "sequential", triggers: [{ event: "test/sequential" }] }, async ({ step }) => {
    const a = await step.run("a", () => bump("seq-a"));
    const b = await step.run("b", () => bump("seq-b") + a);
    return step.run("c", () => ({ total: a + b + bump("seq-c") }));
  });
  const parallel = client.createFunction({ id: "parallel", triggers: [{ event: "test/parallel" }] }, async ({ step }) => {
    const results = await Promise.all(["p1", "p2", "p3"].map((id) => step.run(id, () => `${id}:${bump(id)}`)));
    return step.run("join", () => results.join(","));
  });
  const flaky = client.createFunction({ id: "flaky", triggers: [{ event: "test/flaky" }], retries: 3 }, async ({ step }) => {
    return step.run("flaky-step", () => {
      if (bump("flaky") < 3) throw new Error(`attempt ${counts.get("flaky")} failed`);
      return "recovered";
    });
  });
  const retryAfter = client.createFunction({ id: "retry-after", triggers: [{ event: "test/retry-after" }], retries: 2 }, async ({ step }) => {
    return step.run("polite", () => {
      if (bump("polite") === 1) throw new RetryAfterError("rate limited", "1s");
      return Date.now();
    });
  });
  const doomed = client.createFunction(
    {
      id: "doomed",
      triggers: [{ event: "test/doomed" }],
      retries: 1,
      onFailure: async ({ event, step }) => {
        await step.run("record-failure", () => bump(`failure:${event.data.error.message}`));
      },
    },
    async ({ step }) => {
      await step.run("always-fails", () => {
        bump("doomed");
        throw new Error("broken for good");
      });
    },
  );
  const caught = client.createFunction({ id: "caught", triggers: [{ event: "test/caught" }], retries: 0 }, async ({ step }) => {
    try {
      await step.run("fails", () => {
        throw new Error("expected failure");
      });
    } catch (error) {
      return step.run("fallback", () => `caught: ${(error as Error).message}`);
    }
    return "not reached";
  });
  const sleeper = client.createFunction({ id: "sleeper", triggers: [{ event: "test/sleep" }] }, async ({ step }) => {
    const before = await step.run("before", () => Date.now());
    await step.sleep("nap", "400ms");
    return step.run("after", () => Date.now() - before);
  });
  const waiter = client.createFunction({ id: "waiter", triggers: [{ event: "test/wait" }] }, async ({ event, step }) => {
    const approval = await step.waitForEvent("approval", { event: "test/approved", match: "data.ticket", timeout: event.data.timeout as string });
    return approval ? { approvedBy: approval.data.by } : { timedOut: true };
  });
  const child = client.createFunction({ id: "child", triggers: [{ event: "test/child" }] }, async ({ event, step }) => {
    return step.run("multiply", () => (event.data.x as number) * 10);
  });
  const parent = client.createFunction({ id: "parent", triggers: [{ event: "test/parent" }] }, async ({ step }) => {
    const result = await step.invoke("call-child", { function: child, data: { x: 4 } });
    return { childSaid: result };
  });
  const topLevel = client.createFunction({ id: "top-level", triggers: [{ event: "test/top-level" }], retries: 2 }, async ({ event }) => {
    if (event.data.fatal) throw new NonRetriableError("cannot continue");
    if (bump("top-level") === 1) throw new Error("transient");
    return "second time lucky";
  });

  beforeAll(async () => {
    handle = await target.open();
    harness = await startHarness(handle.db, client, [sequential, parallel, flaky, retryAfter, doomed, caught, sleeper, waiter, child, parent, topLevel]);
  });
  afterAll(async () => {
    await harness.stop();
    await handle.close();
  });

  it("StepRun: executes each step once, memoizes it, and completes the run with the 200 body", async () => {
    await client.send({ name: "test/sequential", data: {} });
    const [run] = await waitForRunsOf(handle.db, "test-app-sequential", 1);
    const done = await waitForRun(handle.db, run!.id);
    expect(done).toMatchObject({ status: "completed", output: { total: 4 } });
    expect([counts.get("seq-a"), counts.get("seq-b"), counts.get("seq-c")]).toEqual([1, 1, 1]);
    const steps = await stepsOf(handle.db, run!.id);
    expect(steps.map((step) => [step.name, step.status, step.attempts, step.position]).sort()).toEqual([
      ["a", "completed", 1, 1],
      ["b", "completed", 1, 2],
      ["c", "completed", 1, 3],
    ]);
    const runCalls = harness.calls.filter((call) => (call.body.ctx as { run_id: string }).run_id === run!.id);
    expect(runCalls.map((call) => call.status)).toEqual([206, 206, 206, 200]);
    expect((runCalls[3]!.body.ctx as { stack: { stack: string[] } }).stack.stack).toEqual([hash("a"), hash("b"), hash("c")]);
  });

  it("StepPlanned: runs parallel steps as separate requests addressed by step id", async () => {
    await client.send({ name: "test/parallel", data: {} });
    const [run] = await waitForRunsOf(handle.db, "test-app-parallel", 1);
    const done = await waitForRun(handle.db, run!.id);
    expect(done.output).toBe("p1:1,p2:1,p3:1");
    expect(done.disableImmediateExecution).toBe(true);
    const targeted = harness.calls.filter((call) => (call.body.ctx as { run_id: string }).run_id === run!.id).map((call) => call.url.searchParams.get("stepId"));
    expect(targeted).toEqual(expect.arrayContaining([hash("p1"), hash("p2"), hash("p3")]));
  });

  it("StepError: retries a failing step with exponential backoff until it succeeds", async () => {
    await client.send({ name: "test/flaky", data: {} });
    const [run] = await waitForRunsOf(handle.db, "test-app-flaky", 1);
    const done = await waitForRun(handle.db, run!.id);
    expect(done).toMatchObject({ status: "completed", output: "recovered" });
    const [step] = await stepsOf(handle.db, run!.id);
    expect(step).toMatchObject({ status: "completed", attempts: 3 });
    const attempts = harness.calls.filter((call) => call.url.searchParams.get("stepId") === hash("flaky-step"));
    expect(attempts.map((call) => (call.body.ctx as { attempt: number }).attempt)).toEqual([1, 2]);
  });

  it("StepError: waits as long as Retry-After asks before the next attempt", async () => {
    await client.send({ name: "test/retry-after", data: {} });
    const [run] = await waitForRunsOf(handle.db, "test-app-retry-after", 1);
    const failedAt = Date.now();
    const done = await waitForRun(handle.db, run!.id);
    expect(done.status).toBe("completed");
    expect((done.output as number) - failedAt).toBeGreaterThanOrEqual(850);
  });

  it("StepFailed: exhausting retries fails the run and starts its onFailure handler", async () => {
    await client.send({ name: "test/doomed", data: {} });
    const [run] = await waitForRunsOf(handle.db, "test-app-doomed", 1);
    const done = await waitForRun(handle.db, run!.id);
    expect(done.status).toBe("failed");
    expect(done.error?.message).toContain("broken for good");
    expect(counts.get("doomed")).toBe(2);
    const [failureRun] = await waitForRunsOf(handle.db, "test-app-doomed-failure", 1);
    expect(await waitForRun(handle.db, failureRun!.id)).toMatchObject({ status: "completed" });
    expect(counts.get("failure:broken for good")).toBe(1);
  });

  it("StepFailed: a function can catch the failed step's error and continue", async () => {
    await client.send({ name: "test/caught", data: {} });
    const [run] = await waitForRunsOf(handle.db, "test-app-caught", 1);
    expect(await waitForRun(handle.db, run!.id)).toMatchObject({ status: "completed", output: "caught: expected failure" });
  });

  it("Sleep: parks the run as sleeping and resumes it after the duration", async () => {
    await client.send({ name: "test/sleep", data: {} });
    const [run] = await waitForRunsOf(handle.db, "test-app-sleeper", 1);
    await waitForRun(handle.db, run!.id, ["sleeping"]);
    const done = await waitForRun(handle.db, run!.id);
    expect(done.status).toBe("completed");
    expect(done.output as number).toBeGreaterThanOrEqual(400);
  });

  it("WaitForEvent: resumes with the matching event only, or null at the timeout", async () => {
    await client.send({ name: "test/wait", data: { ticket: "T-1", timeout: "10s" } });
    const [run] = await waitForRunsOf(handle.db, "test-app-waiter", 1);
    await waitForRun(handle.db, run!.id, ["waiting"]);
    await client.send({ name: "test/approved", data: { ticket: "T-2", by: "mallory" } });
    await client.send({ name: "test/approved", data: { ticket: "T-1", by: "alice" } });
    expect(await waitForRun(handle.db, run!.id)).toMatchObject({ status: "completed", output: { approvedBy: "alice" } });

    await client.send({ name: "test/wait", data: { ticket: "T-3", timeout: "300ms" } });
    const runs = await waitForRunsOf(handle.db, "test-app-waiter", 2);
    const second = runs.find((candidate) => candidate.id !== run!.id)!;
    expect(await waitForRun(handle.db, second.id)).toMatchObject({ status: "completed", output: { timedOut: true } });
  });

  it("InvokeFunction: runs the invoked function and memoizes its result in the caller", async () => {
    await client.send({ name: "test/parent", data: {} });
    const [run] = await waitForRunsOf(handle.db, "test-app-parent", 1);
    expect(await waitForRun(handle.db, run!.id)).toMatchObject({ status: "completed", output: { childSaid: 40 } });
    const [childRun] = await waitForRunsOf(handle.db, "test-app-child", 1);
    expect(childRun).toMatchObject({ status: "completed", parentRunId: run!.id, output: 40 });
  });

  it("run errors: retries a function-level error (500) and fails at once on a non-retriable one (400)", async () => {
    await client.send({ name: "test/top-level", data: {} });
    const [run] = await waitForRunsOf(handle.db, "test-app-top-level", 1);
    expect(await waitForRun(handle.db, run!.id)).toMatchObject({ status: "completed", output: "second time lucky" });
    await client.send({ name: "test/top-level", data: { fatal: true } });
    const runs = await waitForRunsOf(handle.db, "test-app-top-level", 2);
    const fatal = runs.find((candidate) => candidate.id !== run!.id)!;
    expect(await waitForRun(handle.db, fatal.id)).toMatchObject({ status: "failed", error: { message: "cannot continue" } });
    expect(harness.calls.filter((call) => (call.body.ctx as { run_id: string }).run_id === fatal.id)).toHaveLength(1);
  });
});
