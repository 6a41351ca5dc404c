import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Database } from "@/db/database";
import type { Transport } from "@/inngest/executor/call-function";
import { releaseAllLeases } from "@/inngest/executor/job-queue";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "@/inngest/executor/retry-policy";
import { signBody } from "@/inngest/executor/signing";
import { Worker, type Logger } from "@/inngest/executor/worker";

/**
 * Starts the embedded executor in this process: a worker on the database's job queue and, when `serveUrl` is
 * given, a sync of the app's functions (a PUT to the serve endpoint, retried until the server answers).
 */
export interface EmbeddedExecutorOptions {
  db: Database;
  /** The app's serve endpoint, e.g. http://127.0.0.1:3000/api/inngest; synced on start when given. */
  serveUrl?: string;
  /** How call requests reach the serve endpoint; `fetch` by default, the serve handler itself in tests. */
  transport?: Transport;
  /** Production mode: sign call requests. Without it the executor runs in dev mode. */
  signingKey?: string;
  nodeEnv?: string;
  allowDevInProduction?: boolean;
  /** Release every lease at start: right for the process that owns an embedded PGlite database alone. */
  releaseLeasesOnStart?: boolean;
  concurrency?: number;
  leaseMs?: number;
  pollMs?: number;
  stepTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  unreachableRetryMs?: number;
  workerId?: string;
  logger?: Logger;
}

export interface EmbeddedExecutor {
  workerId: string;
  /** Resolves once the functions are synced (immediately when no serveUrl was given). */
  synced: Promise<void>;
  wake(): void;
  stop(): Promise<void>;
}

const consoleLogger: Logger = {
  info: (message) => console.info(message),
  warn: (message) => console.warn(message),
  error: (message, error) => console.error(message, error ?? ""),
};

export async function startEmbeddedExecutor(options: EmbeddedExecutorOptions): Promise<EmbeddedExecutor> {
  const logger = options.logger ?? consoleLogger;
  if (!options.signingKey && options.nodeEnv === "production" && !options.allowDevInProduction) {
    throw new Error(
      "The embedded Inngest executor would run in dev mode (unsigned requests) in production. Set INNGEST_SIGNING_KEY, or INNGEST_ALLOW_DEV_IN_PRODUCTION=1 if this is intended.",
    );
  }
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  if (options.releaseLeasesOnStart) {
    const released = await releaseAllLeases(options.db);
    if (released > 0) logger.info(`durable executor: resuming ${released} job(s) interrupted by the previous shutdown`);
  }
  const worker = new Worker({
    db: options.db,
    workerId,
    concurrency: options.concurrency ?? 16,
    leaseMs: options.leaseMs ?? 30_000,
    pollMs: options.pollMs ?? 250,
    logger,
    deps: {
      db: options.db,
      call: { transport: options.transport ?? ((request) => fetch(request)), signingKey: options.signingKey, timeoutMs: options.stepTimeoutMs ?? 5 * 60_000 },
      retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
      unreachableRetryMs: options.unreachableRetryMs ?? 2000,
    },
  });
  worker.start();
  const stopSync = new AbortController();
  const synced = options.serveUrl ? syncFunctions(options.serveUrl, options.transport, options.signingKey, logger, stopSync.signal) : Promise.resolve();
  synced.catch(() => undefined);
  return {
    workerId,
    synced,
    wake: () => worker.wake(),
    stop: async () => {
      stopSync.abort();
      await worker.stop();
    },
  };
}

/**
 * PUT to the serve endpoint makes the SDK post its functions to /fn/register (SDK spec 4.3). In production mode
 * the PUT is signed (over its empty body), since the serve route refuses unsigned syncs.
 */
async function syncFunctions(serveUrl: string, transport: Transport | undefined, signingKey: string | undefined, logger: Logger, signal: AbortSignal): Promise<void> {
  const send = transport ?? ((request: Request) => fetch(request));
  for (let attempt = 1; !signal.aborted; attempt++) {
    try {
      const headers: Record<string, string> = signingKey ? { "x-inngest-signature": signBody("", signingKey, new Date()) } : {};
      const response = await send(new Request(serveUrl, { method: "PUT", headers }));
      const body = await response.text();
      if (response.ok) return;
      const message = readMessage(body);
      logger.error(`durable executor: the app's functions were refused: ${message}`);
      throw new Error(`Function sync refused: ${message}`);
    } catch (error) {
      if ((error as Error).message.startsWith("Function sync refused")) throw error;
      if (attempt % 10 === 1) logger.warn(`durable executor: waiting for ${serveUrl} to sync functions (${(error as Error).message})`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 200 * attempt)));
    }
  }
}

function readMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    return typeof parsed.message === "string" ? parsed.message : body;
  } catch {
    return body;
  }
}
