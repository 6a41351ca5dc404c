import type { Database } from "@/db/database";
import { claimJobs, nextDueAt, renewLeases, retryJobLater, type ClaimedJob } from "@/inngest/executor/job-queue";
import { processJob, type ProcessDeps } from "@/inngest/executor/process-job";
import { durableSignals } from "@/inngest/executor/signals";

/**
 * A worker: claims due jobs up to its concurrency, processes them, renews their leases, and sleeps until a
 * signal or the next due job. Database errors are logged and retried with backoff, never fatal.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface WorkerOptions {
  db: Database;
  deps: ProcessDeps;
  workerId: string;
  concurrency: number;
  leaseMs: number;
  pollMs: number;
  logger: Logger;
}

export class Worker {
  private running = false;
  private readonly active = new Map<number, Promise<void>>();
  private wakeUp: (() => void) | undefined;
  private woken = false;
  private loop: Promise<void> | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly onWork = () => this.wake();

  constructor(private readonly options: WorkerOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    durableSignals.on("work", this.onWork);
    this.heartbeat = setInterval(() => void this.renew(), Math.max(50, this.options.leaseMs / 3));
    this.loop = this.run();
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Stops claiming and gives jobs in flight `graceMs` to finish; unfinished ones are claimed again after their lease. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.running = false;
    durableSignals.off("work", this.onWork);
    this.wake();
    await this.loop;
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([Promise.allSettled(this.active.values()), grace]);
    clearTimeout(timer);
    clearInterval(this.heartbeat);
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const free = this.options.concurrency - this.active.size;
      let claimed: ClaimedJob[] = [];
      if (free > 0) {
        try {
          claimed = await claimJobs(this.options.db, this.options.workerId, free, this.options.leaseMs);
          if (failures > 0) this.options.logger.info("durable executor: database reachable again");
          failures = 0;
        } catch (error) {
          failures += 1;
          if (failures === 1 || failures % 10 === 0) this.options.logger.error(`durable executor: cannot claim jobs (attempt ${failures})`, error);
          await this.sleep(Math.min(10_000, 100 * 2 ** Math.min(failures, 7)));
          continue;
        }
        for (const job of claimed) this.track(job);
      }
      if (claimed.length > 0 && claimed.length === free) continue;
      await this.sleep(await this.idleDelay());
    }
  }

  private track(job: ClaimedJob): void {
    const work = processJob(this.options.deps, job)
      .catch(async (error: unknown) => {
        this.options.logger.error(`durable executor: job ${job.id} of run ${job.runId} failed; it will be retried`, error);
        await retryJobLater(this.options.db, job, new Date(Date.now() + this.options.deps.unreachableRetryMs), job.attempt).catch(() => undefined);
      })
      .finally(() => {
        this.active.delete(job.id);
        this.wake();
      });
    this.active.set(job.id, work);
  }

  private async idleDelay(): Promise<number> {
    try {
      const due = await nextDueAt(this.options.db);
      const untilDue = due ? due.getTime() - Date.now() : 0;
      return untilDue > 0 ? Math.min(this.options.pollMs, untilDue) : this.options.pollMs;
    } catch {
      return this.options.pollMs;
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      const wakeUp = () => done();
      this.wakeUp = wakeUp;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    }).then(() => {
      this.wakeUp = undefined;
      this.woken = false;
    });
  }

  private async renew(): Promise<void> {
    try {
      await renewLeases(this.options.db, this.options.workerId, [...this.active.keys()], this.options.leaseMs);
    } catch (error) {
      this.options.logger.warn(`durable executor: could not renew leases: ${(error as Error).message}`);
    }
  }
}
