import "server-only";
import { z } from "zod";
import type { EventBus } from "@/server/events/event-bus";

/**
 * A durable run's start and end, published by the run itself on the event bus (through Redis when configured,
 * so across processes), for callers that wait on a run instead of polling for it. The channel is named by what
 * the caller knows before the run exists (for an agent run, the chat message it answers), so the caller can
 * subscribe first and miss nothing.
 */
const runProgressSchema = z.union([
  z.object({ type: z.literal("started"), runId: z.string() }),
  z.discriminatedUnion("status", [
    z.object({ type: z.literal("finished"), runId: z.string(), status: z.literal("completed"), output: z.unknown() }),
    z.object({ type: z.literal("finished"), runId: z.string(), status: z.literal("failed"), error: z.string() }),
  ]),
]);
export type RunProgress = z.infer<typeof runProgressSchema>;
export type RunFinished = Extract<RunProgress, { type: "finished" }>;

export function runChannel(organisationId: string, requestId: string): string {
  return `run:${organisationId}:${requestId}`;
}

export function publishRunProgress(bus: EventBus, channel: string, progress: RunProgress): Promise<void> {
  return bus.publish(channel, progress);
}

export interface RunWatch {
  /** The run's id once it has said it started. */
  readonly runId: string | undefined;
  /** The run's end, or undefined when `timeoutMs` passes first. */
  finished(timeoutMs: number): Promise<RunFinished | undefined>;
  close(): void;
}

/** Subscribes to a run's channel and resolves once the subscription is live. */
export async function watchRun(bus: EventBus, channel: string): Promise<RunWatch> {
  let runId: string | undefined;
  let settle: (finished: RunFinished) => void = () => undefined;
  const ended = new Promise<RunFinished>((resolve) => (settle = resolve));
  const unsubscribe = bus.subscribe(channel, (payload) => {
    const progress = runProgressSchema.safeParse(payload);
    if (!progress.success) return;
    runId = progress.data.runId;
    if (progress.data.type === "finished") settle(progress.data);
  });
  await bus.subscribed(channel);
  return {
    get runId() {
      return runId;
    },
    finished: async (timeoutMs) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), timeoutMs);
      });
      try {
        return await Promise.race([ended, timedOut]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: unsubscribe,
  };
}
