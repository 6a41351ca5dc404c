import { APIConnectionError as AnthropicConnectionError, APIError as AnthropicApiError } from "@anthropic-ai/sdk";
import { APIConnectionError as OpenAiConnectionError, APIError as OpenAiApiError } from "openai";

/**
 * Why one attempt on one model failed, in the router's terms. The kind decides what happens next:
 * retry the same model, fall back along the chain, or give up.
 */
export type ProviderFailureKind =
  | "rate_limited"
  | "server_error"
  | "timeout"
  | "connection"
  | "context_length"
  | "malformed"
  | "interrupted"
  | "client_error"
  | "aborted";

const RETRYABLE: ReadonlySet<ProviderFailureKind> = new Set(["rate_limited", "server_error", "timeout", "connection", "malformed"]);
const FALLBACK: ReadonlySet<ProviderFailureKind> = new Set([...RETRYABLE, "context_length"]);

export class ProviderError extends Error {
  override readonly name = "ProviderError";

  constructor(
    readonly kind: ProviderFailureKind,
    message: string,
    readonly options: { status?: number; retryAfterMs?: number; partialText?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }

  get fallbackable(): boolean {
    return FALLBACK.has(this.kind);
  }
}

const CONTEXT_LENGTH = /context[ _-]?length|context window|maximum context|prompt is too long|too many tokens|reduce the length/i;

/** Reads `retry-after-ms`, then `retry-after` as seconds or an HTTP date. */
export function parseRetryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const millis = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(millis) && millis >= 0) return millis;
  const value = headers?.get("retry-after");
  if (!value) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Turns whatever an SDK threw into a ProviderError; `timedOut` says our own deadline aborted the request. */
export function classifyProviderError(error: unknown, context: { timedOut: boolean; aborted: boolean }): ProviderError {
  if (error instanceof ProviderError) return error;
  if (context.timedOut) return new ProviderError("timeout", "The model did not answer in time.", { cause: error });
  if (context.aborted) return new ProviderError("aborted", "The request was cancelled.", { cause: error });
  if (error instanceof AnthropicConnectionError || error instanceof OpenAiConnectionError) {
    return new ProviderError("connection", `Could not reach the provider: ${error.message}`, { cause: error });
  }
  if (error instanceof AnthropicApiError || error instanceof OpenAiApiError) {
    const status = error.status;
    const retryAfterMs = parseRetryAfterMs(error.headers);
    const message = error.message;
    if (status === undefined) return new ProviderError("malformed", `The provider sent a response we could not read: ${message}`, { cause: error });
    if (status === 429) return new ProviderError("rate_limited", message, { status, retryAfterMs, cause: error });
    if (status === 408) return new ProviderError("timeout", message, { status, cause: error });
    if (status >= 500) return new ProviderError("server_error", message, { status, retryAfterMs, cause: error });
    if ((status === 400 || status === 413) && CONTEXT_LENGTH.test(message)) {
      return new ProviderError("context_length", message, { status, cause: error });
    }
    return new ProviderError("client_error", message, { status, cause: error });
  }
  if (error instanceof SyntaxError) return new ProviderError("malformed", `The provider sent malformed JSON: ${error.message}`, { cause: error });
  if (error instanceof TypeError && /fetch failed|terminated|socket|ECONN/i.test(error.message)) {
    return new ProviderError("connection", `The connection to the provider failed: ${error.message}`, { cause: error });
  }
  return new ProviderError("malformed", error instanceof Error ? error.message : String(error), { cause: error });
}
