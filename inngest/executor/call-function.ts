import { z } from "zod";
import type { SerializedError } from "@/db/schema";
import { canonicalJson, signBody } from "@/inngest/executor/signing";
import type { MemoEntry, StoredEvent } from "@/inngest/executor/run-store";

/**
 * One call request to the SDK's serve endpoint (SDK spec 4.4) and its answer, classified:
 * 200 → the run's output; 206 → ops to act on; 4xx/5xx → an error, retriable unless `X-Inngest-No-Retry: true`.
 */
export type Transport = (request: Request) => Promise<Response>;

export const opSchema = z
  .object({
    id: z.string().min(1),
    op: z.string(),
    name: z.string().optional(),
    displayName: z.string().optional(),
    opts: z.record(z.string(), z.unknown()).nullish(),
    data: z.unknown().optional(),
    error: z.unknown().optional(),
  })
  .passthrough();
export type Op = z.infer<typeof opSchema>;

export type CallResult =
  | { kind: "completed"; output: unknown }
  | { kind: "ops"; ops: Op[]; retriable: boolean; retryAfter?: string }
  | { kind: "error"; retriable: boolean; retryAfter?: string; error: SerializedError }
  | { kind: "unreachable"; error: SerializedError };

export interface CallRequest {
  url: string;
  target: string;
  runId: string;
  event: StoredEvent;
  steps: Record<string, MemoEntry>;
  stack: string[];
  attempt: number;
  maxAttempts: number;
  disableImmediateExecution: boolean;
}

export interface CallOptions {
  transport: Transport;
  signingKey?: string;
  timeoutMs: number;
}

export async function callFunction(call: CallRequest, options: CallOptions): Promise<CallResult> {
  const url = new URL(call.url);
  url.searchParams.set("stepId", call.target);
  const body = canonicalJson({
    event: call.event,
    events: [call.event],
    steps: call.steps,
    ctx: {
      run_id: call.runId,
      attempt: call.attempt,
      max_attempts: call.maxAttempts,
      disable_immediate_execution: call.disableImmediateExecution,
      use_api: false,
      stack: { stack: call.stack, current: call.stack.length },
    },
  });
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-inngest-server-kind": options.signingKey ? "cloud" : "dev",
    "user-agent": "candlefish-embedded-executor",
  };
  if (options.signingKey) headers["x-inngest-signature"] = signBody(body, options.signingKey, new Date());
  let response: Response;
  try {
    response = await options.transport(
      new Request(url, { method: "POST", body, headers, signal: AbortSignal.timeout(options.timeoutMs) }),
    );
  } catch (error) {
    return { kind: "unreachable", error: toSerializedError(error) };
  }
  return classifyResponse(response);
}

async function classifyResponse(response: Response): Promise<CallResult> {
  const text = await response.text();
  const json = parseJson(text);
  const retryAfter = response.headers.get("retry-after") ?? undefined;
  const noRetry = response.headers.get("x-inngest-no-retry") === "true";
  const fromSdk = response.headers.has("x-inngest-sdk") || response.headers.has("x-inngest-req-version");
  if (response.status === 200 && fromSdk) return { kind: "completed", output: json ?? null };
  if (response.status === 206 && fromSdk) {
    const ops = z.array(opSchema).safeParse(Array.isArray(json) ? json : [json]);
    if (ops.success) return { kind: "ops", ops: ops.data, retriable: !noRetry, retryAfter };
    return { kind: "error", retriable: true, error: { name: "ProtocolError", message: `Unreadable ops from the SDK: ${text.slice(0, 200)}` } };
  }
  if (!fromSdk) {
    return { kind: "error", retriable: true, retryAfter, error: { name: "HttpError", message: `The serve endpoint answered ${response.status} without the Inngest SDK headers: ${text.slice(0, 200)}` } };
  }
  return { kind: "error", retriable: !noRetry && response.status !== 400, retryAfter, error: toSerializedError(json ?? text) };
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function toSerializedError(value: unknown): SerializedError {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const message = typeof record.message === "string" ? record.message : typeof record.error === "string" ? record.error : JSON.stringify(value);
    return { name: typeof record.name === "string" ? record.name : "Error", message, ...(typeof record.stack === "string" ? { stack: record.stack } : {}) };
  }
  return { name: "Error", message: String(value) };
}
