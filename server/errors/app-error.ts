/**
 * The one error type services throw. Each code maps to an HTTP status and a tRPC code here and nowhere else;
 * messages are written for the person who will read them and say what to do.
 */
export const APP_ERROR_CODES = {
  bad_request: { http: 400, trpc: "BAD_REQUEST" },
  unauthorized: { http: 401, trpc: "UNAUTHORIZED" },
  forbidden: { http: 403, trpc: "FORBIDDEN" },
  not_found: { http: 404, trpc: "NOT_FOUND" },
  conflict: { http: 409, trpc: "CONFLICT" },
  payload_too_large: { http: 413, trpc: "PAYLOAD_TOO_LARGE" },
  unprocessable: { http: 422, trpc: "UNPROCESSABLE_CONTENT" },
  rate_limited: { http: 429, trpc: "TOO_MANY_REQUESTS" },
  internal: { http: 500, trpc: "INTERNAL_SERVER_ERROR" },
  unavailable: { http: 503, trpc: "SERVICE_UNAVAILABLE" },
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;
export type TrpcErrorCode = (typeof APP_ERROR_CODES)[AppErrorCode]["trpc"];

export class AppError extends Error {
  override readonly name = "AppError";

  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, { cause: options?.cause });
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }

  readonly retryAfterSeconds: number | undefined;

  get httpStatus(): number {
    return APP_ERROR_CODES[this.code].http;
  }

  get trpcCode(): TrpcErrorCode {
    return APP_ERROR_CODES[this.code].trpc;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
