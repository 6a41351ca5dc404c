import { describe, expect, it, vi } from "vitest";
import { createCallRecorder } from "@/server/llm/call-recorder";
import type { NewLlmCall } from "@/server/llm/llm-call-repository";

const row = (model: string) => ({ model }) as NewLlmCall;

describe("call recorder", () => {
  it("batches the rows recorded within the delay into one insert", async () => {
    const batches: string[][] = [];
    const recorder = createCallRecorder(async (rows) => void batches.push(rows.map((entry) => entry.model)), { flushDelayMs: 20 });
    recorder.record(row("a"));
    recorder.record(row("b"));
    expect(batches).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 40));
    recorder.record(row("c"));
    await recorder.flush();
    expect(batches).toEqual([["a", "b"], ["c"]]);
  });

  it("writes at once when a batch is full", async () => {
    const batches: number[] = [];
    const recorder = createCallRecorder(async (rows) => void batches.push(rows.length), { flushDelayMs: 10_000, maxBatch: 2 });
    ["a", "b", "c"].forEach((model) => recorder.record(row(model)));
    await Promise.resolve();
    expect(batches).toEqual([2]);
    await recorder.flush();
    expect(batches).toEqual([2, 1]);
  });

  it("retries a failed insert and reports rows it finally could not store", async () => {
    const insert = vi.fn().mockRejectedValueOnce(new Error("db blip")).mockResolvedValueOnce(undefined);
    const recorder = createCallRecorder(insert, { flushDelayMs: 1 });
    recorder.record(row("a"));
    await recorder.flush();
    expect(insert).toHaveBeenCalledTimes(2);

    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const failing = createCallRecorder(() => Promise.reject(new Error("down")), { flushDelayMs: 1, retries: 1 });
    failing.record(row("b"));
    await failing.flush();
    expect(errors).toHaveBeenCalledWith("llm accounting: could not store 1 call row(s)", expect.any(Error));
    errors.mockRestore();
  });
});
