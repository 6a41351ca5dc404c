import { z } from "zod";
import { compileExpression } from "@/inngest/executor/expression";
import { parseTimeStringMs } from "@/inngest/executor/duration";

/**
 * The sync payload the SDK posts to `/fn/register`, reduced to what the embedded executor implements.
 * Options it does not implement (throttle, debounce, batching, priority, rate limits, idempotency, singleton,
 * timeouts, cron triggers) are refused with a message naming the function and the option.
 */
const UNSUPPORTED_OPTIONS = [
  "idempotency",
  "batchEvents",
  "rateLimit",
  "throttle",
  "singleton",
  "debounce",
  "timeouts",
  "priority",
] as const;

const concurrencyOption = z.object({
  limit: z.number().int().positive(),
  key: z.string().optional(),
  scope: z.enum(["fn", "env", "account"]).optional(),
});

const functionSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().optional(),
    triggers: z.array(z.union([z.object({ event: z.string(), expression: z.string().optional() }), z.object({ cron: z.string() })])),
    steps: z.record(
      z.string(),
      z.object({
        runtime: z.object({ type: z.string(), url: z.string().url() }),
        retries: z.object({ attempts: z.number().int().min(0).optional() }).optional(),
      }).passthrough(),
    ),
    cancel: z.array(z.object({ event: z.string(), if: z.string().optional(), timeout: z.string().optional() })).optional(),
    concurrency: z.union([z.number().int().min(0), concurrencyOption, z.array(concurrencyOption)]).optional(),
  })
  .passthrough();

export type FunctionConfig = z.infer<typeof functionSchema>;

export const registerBodySchema = z
  .object({
    url: z.string().url(),
    appName: z.string().min(1),
    functions: z.array(z.unknown()),
  })
  .passthrough();

export interface RegisteredFunction {
  id: string;
  name: string;
  url: string;
  config: FunctionConfig;
}

/** Validates one function's config; returns it ready to store or throws an Error saying what is not supported. */
export function parseFunctionConfig(raw: unknown): RegisteredFunction {
  const parsed = functionSchema.safeParse(raw);
  const id = typeof raw === "object" && raw && "id" in raw ? String(raw.id) : "(unnamed)";
  if (!parsed.success) throw new Error(`Function "${id}" has an invalid config: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  const config = parsed.data;
  for (const option of UNSUPPORTED_OPTIONS) {
    if (config[option] !== undefined && config[option] !== null) {
      throw new Error(`Function "${config.id}" uses "${option}", which the embedded executor does not support; remove it or run a real Inngest server (INNGEST_BASE_URL).`);
    }
  }
  for (const trigger of config.triggers) {
    if ("cron" in trigger) throw new Error(`Function "${config.id}" has a cron trigger, which the embedded executor does not support.`);
    checkExpression(config.id, trigger.expression);
  }
  for (const cancel of config.cancel ?? []) {
    checkExpression(config.id, cancel.if);
    if (cancel.timeout && parseTimeStringMs(cancel.timeout) === undefined && Number.isNaN(Date.parse(cancel.timeout))) {
      throw new Error(`Function "${config.id}" has a cancelOn timeout "${cancel.timeout}" that is not a time string.`);
    }
  }
  for (const option of normaliseConcurrency(config)) checkExpression(config.id, option.key);
  const step = config.steps.step ?? Object.values(config.steps)[0];
  if (!step) throw new Error(`Function "${config.id}" has no step runtime URL.`);
  if (step.runtime.type !== "http") throw new Error(`Function "${config.id}" uses a "${step.runtime.type}" runtime; only "http" is supported.`);
  return { id: config.id, name: config.name ?? config.id, url: step.runtime.url, config };
}

function checkExpression(functionId: string, expression: string | undefined): void {
  if (!expression) return;
  try {
    compileExpression(expression);
  } catch (error) {
    throw new Error(`Function "${functionId}": ${(error as Error).message}`);
  }
}

export function normaliseConcurrency(config: FunctionConfig): z.infer<typeof concurrencyOption>[] {
  const { concurrency } = config;
  if (concurrency === undefined || concurrency === 0) return [];
  if (typeof concurrency === "number") return [{ limit: concurrency }];
  return Array.isArray(concurrency) ? concurrency : [concurrency];
}

/** Attempts = retries + 1; the SDK sends the retry count under `retries.attempts` (3 when unset). */
export function maxAttemptsOf(config: FunctionConfig): number {
  const step = config.steps.step ?? Object.values(config.steps)[0];
  return (step?.retries?.attempts ?? 3) + 1;
}
