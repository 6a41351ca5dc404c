import "server-only";
import { ZodError } from "zod";
import { AppError, isAppError } from "@/server/errors/app-error";

/** The JSON error body every REST route returns: `{ error: { code, message, details? } }`. */
export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  if (appError.code === "internal") console.error(error);
  const headers = new Headers({ "content-type": "application/json" });
  if (appError.retryAfterSeconds !== undefined) headers.set("retry-after", String(Math.ceil(appError.retryAfterSeconds)));
  return new Response(
    JSON.stringify({ error: { code: appError.code, message: appError.message, ...(appError.details ? { details: appError.details } : {}) } }),
    { status: appError.httpStatus, headers },
  );
}

export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof ZodError) {
    return new AppError("bad_request", error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; "));
  }
  return new AppError("internal", "Something went wrong on our side. Try again; if it keeps happening, tell us.", undefined, { cause: error });
}
