import { classifyProviderError, ProviderError } from "@/server/llm/provider-error";
import type { LlmDelta, ProviderCallRequest } from "@/server/llm/llm-types";

export interface AttemptTracker {
  signal: AbortSignal;
  /** Passes a delta on to the caller, remembering that output has been shown and when it started. */
  emit(delta: LlmDelta): void;
  timeToFirstTokenMs(): number | null;
}

/**
 * Runs one provider attempt under the request's deadline and the caller's abort signal, and classifies any
 * failure. A stream that fails after a delta reached the caller becomes `interrupted`: it must not be re-sent.
 */
export async function runProviderAttempt<T>(
  request: ProviderCallRequest,
  run: (tracker: AttemptTracker) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const started = performance.now();
  let timedOut = false;
  let firstTokenAt: number | null = null;
  let partialText = "";
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);
  const onOuterAbort = () => controller.abort();
  request.signal?.addEventListener("abort", onOuterAbort, { once: true });
  const tracker: AttemptTracker = {
    signal: controller.signal,
    emit(delta) {
      firstTokenAt ??= performance.now();
      if (delta.type === "text") partialText += delta.text;
      request.onDelta?.(delta);
    },
    timeToFirstTokenMs: () => (firstTokenAt === null ? null : Math.round(firstTokenAt - started)),
  };
  try {
    return await run(tracker);
  } catch (error) {
    const classified = classifyProviderError(error, { timedOut, aborted: request.signal?.aborted ?? false });
    if (firstTokenAt !== null && classified.kind !== "aborted") {
      throw new ProviderError("interrupted", `The answer stream broke after output was shown (${classified.message}).`, {
        partialText,
        cause: classified,
      });
    }
    throw classified;
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener("abort", onOuterAbort);
  }
}

/** Parses a tool call's JSON arguments; a model that sends broken JSON produced a malformed answer. */
export function parseToolArguments(raw: string, toolName: string): Record<string, unknown> {
  if (raw.trim() === "") return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // handled below
  }
  throw new ProviderError("malformed", `The model sent invalid JSON arguments for the tool "${toolName}".`);
}
