import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * State of the embedded Inngest executor: registered functions, received events, runs, memoized steps and
 * the job queue workers claim with `FOR UPDATE SKIP LOCKED`. Unused when a real Inngest server is configured.
 */
export const RUN_STATUSES = ["queued", "running", "sleeping", "waiting", "completed", "failed", "cancelled"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const STEP_STATUSES = ["planned", "completed", "failed", "errored", "sleeping", "waiting", "invoking"] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

export interface ConcurrencySlot {
  key: string;
  limit: number;
}

export const durableFunctions = pgTable("durable_function", {
  id: text("id").primaryKey(),
  appId: text("app_id").notNull(),
  name: text("name").notNull(),
  url: text("url").notNull(),
  config: jsonb("config").$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp("updated_at", { mode: "date" }).notNull().defaultNow(),
});

export const durableEvents = pgTable(
  "durable_event",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    user: jsonb("user").$type<Record<string, unknown>>(),
    ts: bigint("ts", { mode: "number" }).notNull(),
    organisationId: text("organisation_id"),
    receivedAt: timestamp("received_at", { mode: "date" }).notNull().defaultNow(),
  },
  (event) => [index("durable_event_name_idx").on(event.name, event.receivedAt)],
);

export const durableRuns = pgTable(
  "durable_run",
  {
    id: text("id").primaryKey(),
    functionId: text("function_id").notNull(),
    organisationId: text("organisation_id"),
    status: text("status", { enum: RUN_STATUSES }).notNull().default("queued"),
    eventId: text("event_id").notNull(),
    event: jsonb("event").$type<Record<string, unknown>>().notNull(),
    output: jsonb("output"),
    error: jsonb("error").$type<SerializedError>(),
    concurrency: jsonb("concurrency").$type<ConcurrencySlot[]>().notNull().default([]),
    disableImmediateExecution: boolean("disable_immediate_execution").notNull().default(false),
    parentRunId: text("parent_run_id"),
    parentStepId: text("parent_step_id"),
    createdAt: timestamp("created_at", { mode: "date", precision: 3 }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { mode: "date", precision: 3 }),
    endedAt: timestamp("ended_at", { mode: "date", precision: 3 }),
  },
  (run) => [
    index("durable_run_organisation_created_idx").on(run.organisationId, run.createdAt),
    index("durable_run_function_status_idx").on(run.functionId, run.status),
  ],
);

export const durableSteps = pgTable(
  "durable_step",
  {
    runId: text("run_id")
      .notNull()
      .references(() => durableRuns.id, { onDelete: "cascade" }),
    stepId: text("step_id").notNull(),
    name: text("name").notNull(),
    op: text("op").notNull(),
    status: text("status", { enum: STEP_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    output: jsonb("output"),
    error: jsonb("error").$type<SerializedError>(),
    position: integer("position"),
    waitEvent: text("wait_event"),
    waitIf: text("wait_if"),
    wakeAt: timestamp("wake_at", { mode: "date", precision: 3 }),
    invokedRunId: text("invoked_run_id"),
    startedAt: timestamp("started_at", { mode: "date", precision: 3 }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { mode: "date", precision: 3 }),
  },
  (step) => [
    primaryKey({ columns: [step.runId, step.stepId] }),
    index("durable_step_waiting_idx").on(step.waitEvent).where(sql`${step.status} = 'waiting'`),
  ],
);

/** `kind` "call" asks the SDK to discover (target "step") or run one step (target = hashed step id); "wake" ends a sleep, wait or invoke timeout. */
export const durableJobs = pgTable(
  "durable_job",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    runId: text("run_id")
      .notNull()
      .references(() => durableRuns.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["call", "wake"] }).notNull(),
    target: text("target").notNull(),
    generation: integer("generation").notNull().default(0),
    attempt: integer("attempt").notNull().default(0),
    availableAt: timestamp("available_at", { mode: "date", precision: 3 }).notNull().defaultNow(),
    lockedBy: text("locked_by"),
    lockedUntil: timestamp("locked_until", { mode: "date", precision: 3 }),
  },
  (job) => [
    uniqueIndex("durable_job_run_kind_target_idx").on(job.runId, job.kind, job.target),
    index("durable_job_available_idx").on(job.availableAt),
  ],
);
