import { describe, expect, it } from "vitest";
import { AppError, APP_ERROR_CODES } from "@/server/errors/app-error";

describe("AppError", () => {
  it("maps every code to a distinct HTTP status and a tRPC code", () => {
    const statuses = Object.values(APP_ERROR_CODES).map((entry) => entry.http);
    expect(new Set(statuses).size).toBe(statuses.length);
    const error = new AppError("conflict", "That e-mail is already registered.");
    expect(error.httpStatus).toBe(409);
    expect(error.trpcCode).toBe("CONFLICT");
    expect(error).toBeInstanceOf(Error);
  });

  it("keeps the cause and retry hint", () => {
    const cause = new Error("boom");
    const error = new AppError("rate_limited", "Slow down.", undefined, { cause, retryAfterSeconds: 7 });
    expect(error.cause).toBe(cause);
    expect(error.retryAfterSeconds).toBe(7);
  });
});
