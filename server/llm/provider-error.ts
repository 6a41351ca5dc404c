import { APIConnectionError as AnthropicConnectionError, APIError as AnthropicApiError } from "@anthropic-ai/sdk";
import { APIConnectionError as OpenAiConnectionError, APIError as OpenAiApiError } from "openai";
import { findOutboundRefusal } from "@/server/security/outbound-request-refused-error";
import { describeUpstreamStatus, logUpstreamDetail } from "@/server/security/summarise-upstream-failure";

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
  | "aborted"
  /** The outbound guard refused the endpoint's address or a redirect: a configuration problem, not retried. */
  | "blocked";

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

/** The network failure behind a connection error, in a few words (never an address or an upstream body). */
function describeConnectionFailure(error: Error): string {
  let code: unknown;
  for (let cause: unknown = error.cause, depth = 0; cause instanceof Error && code === undefined && depth < 3; cause = cause.cause, depth += 1) {
    code = (cause as { code?: unknown }).code;
  }
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found";
  if (typeof code === "string" && /CERT|SSL|TLS/.test(code)) return "TLS certificate problem";
  return "network error";
}

/**
 * Turns whatever an SDK threw into a ProviderError; `timedOut` says our own deadline aborted the request. The
 * message is a summary (status and category): the provider's own body is logged at debug level, never passed
 * on, since an endpoint's URL is tenant input and its error pages are not ours to show.
 */
export function classifyProviderError(error: unknown, context: { timedOut: boolean; aborted: boolean }): ProviderError {
  if (error instanceof ProviderError) return error;
  const refusal = findOutboundRefusal(error);
  if (refusal) return new ProviderError("blocked", refusal.message, { cause: refusal });
  if (context.timedOut) return new ProviderError("timeout", "The model did not answer in time.", { cause: error });
  if (context.aborted) return new ProviderError("aborted", "The request was cancelled.", { cause: error });
  if (error instanceof AnthropicConnectionError || error instanceof OpenAiConnectionError) {
    return new ProviderError("connection", `Could not reach the provider (${describeConnectionFailure(error)}).`, { cause: error });
  }
  if (error instanceof AnthropicApiError || error instanceof OpenAiApiError) {
    const status = error.status;
    logUpstreamDetail("llm provider", status, error.message);
    if (status === undefined) return new ProviderError("malformed", "The provider sent a response we could not read.", { cause: error });
    const retryAfterMs = parseRetryAfterMs(error.headers);
    const message = `The model provider answered ${status} (${describeUpstreamStatus(status)}).`;
    if (status === 429) return new ProviderError("rate_limited", message, { status, retryAfterMs, cause: error });
    if (status === 408) return new ProviderError("timeout", message, { status, cause: error });
    if (status >= 500) return new ProviderError("server_error", message, { status, retryAfterMs, cause: error });
    if ((status === 400 || status === 413) && CONTEXT_LENGTH.test(error.message)) {
      return new ProviderError("context_length", `The request is longer than the model's context window (${status}).`, { status, cause: error });
    }
    return new ProviderError("client_error", message, { status, cause: error });
  }
  logUpstreamDetail("llm provider", undefined, error instanceof Error ? error.message : error);
  if (error instanceof SyntaxError) return new ProviderError("malformed", "The provider sent a response that is not valid JSON.", { cause: error });
  if (error instanceof TypeError && /fetch failed|terminated|socket|ECONN/i.test(error.message)) {
    return new ProviderError("connection", "The connection to the provider failed.", { cause: error });
  }
  return new ProviderError("malformed", "The provider sent a response we could not read.", { cause: error });
}
