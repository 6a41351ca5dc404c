import type { NewLlmCall } from "@/server/llm/llm-call-repository";

export interface CallRecorder {
  record(row: NewLlmCall): void;
  /** Resolves once every row recorded so far is in the database. */
  flush(): Promise<void>;
}

/**
 * Writes call rows off the request path, batched: rows recorded within `flushDelayMs` go in one insert (sooner
 * when `maxBatch` rows are waiting), so accounting adds no database round trip to a model call and one insert
 * per batch instead of per call. A failed insert is retried, then reported; `flush` on shutdown and in tests.
 */
export function createCallRecorder(
  insert: (rows: NewLlmCall[]) => Promise<void>,
  options: { retries?: number; flushDelayMs?: number; maxBatch?: number } = {},
): CallRecorder {
  const flushDelayMs = options.flushDelayMs ?? 200;
  const maxBatch = options.maxBatch ?? 500;
  let pending: NewLlmCall[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const inFlight = new Set<Promise<void>>();

  const write = async (rows: NewLlmCall[]) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await insert(rows);
        return;
      } catch (error) {
        if (attempt >= (options.retries ?? 2)) {
          console.error(`llm accounting: could not store ${rows.length} call row(s)`, error);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  };
  const drain = () => {
    clearTimeout(timer);
    timer = undefined;
    const rows = pending;
    pending = [];
    if (rows.length === 0) return;
    const done = write(rows).finally(() => inFlight.delete(done));
    inFlight.add(done);
  };
  return {
    record(row) {
      pending.push(row);
      if (pending.length >= maxBatch) drain();
      else timer ??= setTimeout(drain, flushDelayMs);
    },
    async flush() {
      drain();
      await Promise.all([...inFlight]);
    },
  };
}
