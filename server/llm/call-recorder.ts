import type { NewLlmCall } from "@/server/llm/llm-call-repository";

export interface CallRecorder {
  record(row: NewLlmCall): void;
  /** Resolves once every row recorded so far is in the database. */
  flush(): Promise<void>;
}

/**
 * Writes call rows off the request path: rows recorded in the same tick go in one insert, so accounting adds
 * no database round trip to a model call. A failed insert is retried, then reported; `flush` on shutdown.
 */
export function createCallRecorder(insert: (rows: NewLlmCall[]) => Promise<void>, options: { retries?: number } = {}): CallRecorder {
  let pending: NewLlmCall[] = [];
  let scheduled = false;
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
    scheduled = false;
    const rows = pending;
    pending = [];
    if (rows.length === 0) return;
    const done = write(rows).finally(() => inFlight.delete(done));
    inFlight.add(done);
  };
  return {
    record(row) {
      pending.push(row);
      if (!scheduled) {
        scheduled = true;
        setImmediate(drain);
      }
    },
    async flush() {
      drain();
      await Promise.all([...inFlight]);
    },
  };
}
