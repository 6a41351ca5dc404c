import type { LlmFallbackHop } from "@/db/schema/llm";
import type { CircuitBreaker } from "@/server/llm/circuit-breaker";
import type { LlmProvider, ProviderCallRequest, ProviderCallResult } from "@/server/llm/llm-types";
import { ProviderError } from "@/server/llm/provider-error";
import type { ModelRef } from "@/server/llm/routing-policy";

export interface ResilienceOptions {
  timeoutMs: number;
  /** Retries on the same model before falling back (so attempts = maxRetries + 1). */
  maxRetries: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** A Retry-After longer than this is not waited for: the next model in the chain is tried instead. */
  maxRetryAfterMs: number;
}

export interface ChainSuccess {
  result: ProviderCallResult;
  ref: ModelRef;
  hops: LlmFallbackHop[];
}

/** Every model in the chain failed (or a failure that must not fall back happened); `hops` tells the story. */
export class ChainFailure extends Error {
  override readonly name = "ChainFailure";

  constructor(
    readonly last: ProviderError | undefined,
    readonly hops: LlmFallbackHop[],
    readonly ref: ModelRef | undefined,
  ) {
    super(last?.message ?? "No model in the route could be tried.");
  }
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new ProviderError("aborted", "The request was cancelled."));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ProviderError("aborted", "The request was cancelled."));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/** Exponential backoff with full jitter: a random wait up to initial × 2^attempt, capped. */
export function backoffMs(attempt: number, options: ResilienceOptions, random = Math.random): number {
  return Math.round(random() * Math.min(options.maxBackoffMs, options.initialBackoffMs * 2 ** attempt));
}

/**
 * Tries the chain in order. Each model gets retries with backoff (honouring Retry-After) on retryable failures;
 * 5xx, 429, timeouts, connection, malformed and context-length failures then fall back to the next model; an
 * open circuit is skipped. Client errors, cancellations and interrupted streams stop at once.
 */
export async function executeChain(
  chain: readonly ModelRef[],
  providers: ReadonlyMap<string, LlmProvider>,
  request: Omit<ProviderCallRequest, "model" | "timeoutMs">,
  breaker: CircuitBreaker,
  options: ResilienceOptions,
): Promise<ChainSuccess> {
  const hops: LlmFallbackHop[] = [];
  let last: ProviderError | undefined;
  let lastRef: ModelRef | undefined;
  for (const ref of chain) {
    const provider = providers.get(ref.provider);
    if (!provider) continue;
    lastRef = ref;
    const key = `${ref.provider}:${ref.model}`;
    const verdict = await breaker.check(key);
    if (verdict === "open") {
      hops.push({ provider: ref.provider, model: ref.model, error: "circuit open", attempts: 0 });
      continue;
    }
    let attempts = 0;
    for (;;) {
      attempts += 1;
      try {
        const result = await provider.call({ ...request, model: ref.model, timeoutMs: options.timeoutMs });
        await breaker.recordSuccess(key, verdict);
        return { result, ref, hops };
      } catch (error) {
        last = error instanceof ProviderError ? error : new ProviderError("malformed", "The provider failed in an unexpected way.", { cause: error });
      }
      const state = last.retryable ? await breaker.recordFailure(key) : undefined;
      if (!last.fallbackable) {
        hops.push({ provider: ref.provider, model: ref.model, error: `${last.kind}: ${last.message}`, attempts });
        throw new ChainFailure(last, hops, ref);
      }
      const circuitOpened = state !== undefined && state.openUntil > 0;
      const retryAfter = last.options.retryAfterMs;
      const canRetry =
        last.retryable && attempts <= options.maxRetries && verdict !== "probe" && !circuitOpened && (retryAfter ?? 0) <= options.maxRetryAfterMs;
      if (!canRetry) break;
      await sleep(retryAfter ?? backoffMs(attempts - 1, options), request.signal);
    }
    hops.push({ provider: ref.provider, model: ref.model, error: `${last.kind}: ${last.message}`.slice(0, 300), attempts });
  }
  throw new ChainFailure(last, hops, lastRef);
}
