import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/server/errors/app-error";
import { errorResponse } from "@/server/http/error-response";
import { readJsonBody } from "@/server/http/read-json-body";

const schema = z.object({ prompt: z.string().min(1) });
const post = (body: string) => new Request("http://localhost/api", { method: "POST", body, headers: { "content-type": "application/json" } });

describe("readJsonBody", () => {
  it("returns the validated body", async () => {
    await expect(readJsonBody(post('{"prompt":"hi"}'), schema)).resolves.toEqual({ prompt: "hi" });
  });

  it("turns malformed JSON into a 400 with a clear message", async () => {
    const error = await readJsonBody(post("{not json"), schema).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).httpStatus).toBe(400);
    expect((error as AppError).message).toBe("The request body is not valid JSON.");
  });

  it("names the invalid field", async () => {
    await expect(readJsonBody(post('{"prompt":""}'), schema)).rejects.toThrow(/prompt/);
  });

  it("refuses oversized bodies with 413", async () => {
    await expect(readJsonBody(post(`{"prompt":"${"x".repeat(1_100_000)}"}`), schema)).rejects.toMatchObject({ code: "payload_too_large" });
  });

  it("counts the limit in bytes, not characters", async () => {
    const euros = `{"prompt":"${"€".repeat(400_000)}"}`;
    expect(euros.length).toBeLessThan(1_000_000);
    await expect(readJsonBody(post(euros), schema)).rejects.toMatchObject({ code: "payload_too_large", httpStatus: 413 });
  });

  it("stops reading an undeclared stream as soon as it passes the limit", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 50 MB in all: a reader that does not stop at the limit takes every chunk.
        pulled += 1;
        if (pulled > 800) controller.close();
        else controller.enqueue(new TextEncoder().encode(pulled === 1 ? `{"prompt":"` : "x".repeat(64 * 1024)));
      },
    });
    const request = new Request("http://localhost/api", { method: "POST", body, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
    await expect(readJsonBody(request, schema)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(pulled * 64 * 1024).toBeLessThan(2_000_000);
  });
});

describe("errorResponse", () => {
  it("renders AppErrors with their status, code and Retry-After", async () => {
    const response = errorResponse(new AppError("rate_limited", "Too many requests.", undefined, { retryAfterSeconds: 2.5 }));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("3");
    expect(await response.json()).toEqual({ error: { code: "rate_limited", message: "Too many requests." } });
  });

  it("hides unexpected errors behind a 500 without their message", async () => {
    const original = console.error;
    console.error = () => undefined;
    const response = errorResponse(new Error("secret stack detail"));
    console.error = original;
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("secret stack detail");
  });
});
