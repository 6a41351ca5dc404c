import "server-only";
import { z } from "zod";
import { RUN_STATUSES, type durableRuns, type durableSteps, type StepStatus } from "@/db/schema";

/** The shapes runs leave the server in (tRPC, REST), validated so the contract cannot drift silently. */
const errorView = z.object({ name: z.string(), message: z.string() });

export const stepViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  op: z.string(),
  status: z.enum(["queued", "retrying", "sleeping", "waiting", "completed", "failed"]),
  attempts: z.number().int(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  output: z.unknown().optional(),
  error: errorView.optional(),
});
export type StepView = z.infer<typeof stepViewSchema>;

export const runSummarySchema = z.object({
  id: z.string(),
  functionId: z.string(),
  functionName: z.string(),
  status: z.enum(RUN_STATUSES),
  trigger: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export const runDetailSchema = runSummarySchema.extend({
  event: z.record(z.string(), z.unknown()),
  steps: z.array(stepViewSchema),
  output: z.unknown().optional(),
  error: errorView.optional(),
});
export type RunDetail = z.infer<typeof runDetailSchema>;

const STEP_STATUS_VIEW: Record<StepStatus, StepView["status"]> = {
  planned: "queued",
  errored: "retrying",
  sleeping: "sleeping",
  waiting: "waiting",
  invoking: "waiting",
  completed: "completed",
  failed: "failed",
};

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const span = (from: Date | null, to: Date | null) => (from && to ? to.getTime() - from.getTime() : null);

export function toRunSummary(run: typeof durableRuns.$inferSelect, functionName: string | null): RunSummary {
  return {
    id: run.id,
    functionId: run.functionId,
    functionName: functionName ?? run.functionId,
    status: run.status,
    trigger: String((run.event as { name?: unknown }).name ?? ""),
    createdAt: run.createdAt.toISOString(),
    startedAt: iso(run.startedAt),
    endedAt: iso(run.endedAt),
    durationMs: span(run.startedAt ?? run.createdAt, run.endedAt),
  };
}

export function toStepView(step: typeof durableSteps.$inferSelect): StepView {
  const settled = step.status === "completed" || step.status === "failed";
  return {
    id: step.stepId,
    name: step.name,
    op: step.op,
    status: STEP_STATUS_VIEW[step.status],
    attempts: step.attempts,
    startedAt: step.startedAt.toISOString(),
    endedAt: settled ? iso(step.endedAt) : null,
    durationMs: settled ? span(step.startedAt, step.endedAt) : null,
    ...(step.status === "completed" ? { output: step.output ?? null } : {}),
    ...(step.error ? { error: { name: step.error.name, message: step.error.message } } : {}),
  };
}

export function toRunDetail(run: typeof durableRuns.$inferSelect, functionName: string | null, steps: (typeof durableSteps.$inferSelect)[]): RunDetail {
  return {
    ...toRunSummary(run, functionName),
    event: run.event,
    steps: steps.map(toStepView),
    ...(run.status === "completed" ? { output: run.output ?? null } : {}),
    ...(run.error && ["failed", "cancelled"].includes(run.status) ? { error: { name: run.error.name, message: run.error.message } } : {}),
  };
}
