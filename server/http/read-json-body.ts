import "server-only";
import type { z } from "zod";
import { AppError } from "@/server/errors/app-error";
import { readCappedBody } from "@/server/http/cap-request-body";

const MAX_JSON_BYTES = 1_000_000;

/**
 * Parses and validates a JSON request body; malformed, oversized or invalid bodies become 400/413 AppErrors.
 * The limit is in bytes, counted while the body streams in.
 */
export async function readJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const bytes = await readCappedBody(request, MAX_JSON_BYTES, () => new AppError("payload_too_large", `Request bodies are limited to ${MAX_JSON_BYTES} bytes.`));
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ");
    throw new AppError("bad_request", `Invalid request body: ${message}`);
  }
  return parsed.data;
}
