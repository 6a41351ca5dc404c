/** Exponential backoff between attempts, overridden by a `Retry-After` (seconds or a date) from the SDK. */
export interface RetryPolicy {
  initialMs: number;
  factor: number;
  maxMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { initialMs: 1000, factor: 2, maxMs: 30_000 };

/** When attempt number `failedAttempts` + 1 may start. */
export function nextAttemptAt(policy: RetryPolicy, failedAttempts: number, now: Date, retryAfter?: string): Date {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return new Date(now.getTime() + seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return new Date(Math.max(date, now.getTime()));
  }
  const delay = Math.min(policy.maxMs, policy.initialMs * policy.factor ** Math.max(0, failedAttempts - 1));
  return new Date(now.getTime() + delay);
}
