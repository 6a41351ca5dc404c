import "server-only";
import { z } from "zod";
import type { AgentRunOutput } from "@/inngest/functions/agent-run";
import type { Caller } from "@/server/auth/caller";
import { sendChatMessage, type ChatDependencies } from "@/server/chat/send-chat-message";
import { AppError } from "@/server/errors/app-error";
import type { EventBus } from "@/server/events/event-bus";
import { runChannel, watchRun, type RunWatch } from "@/server/events/run-progress";
import { findRunByEvent } from "@/server/runs/find-run-by-event";

export const invokeAgentSchema = z.object({
  prompt: z.string().trim().min(1).max(20_000),
  context: z.record(z.string(), z.unknown()).optional(),
  conversationId: z.string().min(1).optional(),
  options: z
    .object({
      timeout: z.number().int().min(0).max(300_000).optional(),
      maxCost: z.number().positive().max(100).optional(),
    })
    .optional(),
});
export type InvokeAgentInput = z.infer<typeof invokeAgentSchema>;

export const DEFAULT_INVOKE_TIMEOUT_MS = 60_000;

export interface InvokeAgentDependencies extends ChatDependencies {
  bus: EventBus;
}

export type InvokeAgentResult =
  | { status: "completed"; result: string; metadata: { runId: string; conversationId: string; model: string; costUsd: number; toolCalls: AgentRunOutput["toolCalls"] } }
  | { status: "accepted"; runId: string | null; eventId: string; conversationId: string; state: string };

/**
 * The invoke API: the prompt (with any context) becomes a chat message whose agent run is awaited, up to the
 * timeout, on the run's own "finished" event (subscribed before the run is requested); a run still working then
 * is answered with its id to poll at /api/v1/runs/{id}.
 */
export async function invokeAgent(deps: InvokeAgentDependencies, caller: Caller, input: InvokeAgentInput): Promise<InvokeAgentResult> {
  const content = input.context ? `${input.prompt}\n\nContext (JSON):\n${JSON.stringify(input.context, null, 2)}` : input.prompt;
  // Subscribed once the message exists (its id names the channel) and before the run is requested.
  const watching: { run?: RunWatch } = {};
  try {
    const requestAgentRun: ChatDependencies["requestAgentRun"] = async (event) => {
      watching.run = await watchRun(deps.bus, runChannel(event.organisationId, event.messageId));
      return deps.requestAgentRun(event);
    };
    const sent = await sendChatMessage({ ...deps, requestAgentRun }, caller, { conversationId: input.conversationId, content, maxCost: input.options?.maxCost });
    const watch = watching.run;
    const finished = await watch?.finished(input.options?.timeout ?? DEFAULT_INVOKE_TIMEOUT_MS);
    const fail = (runId: string, reason: string) =>
      new AppError("unavailable", `The agent run ${runId} did not finish: ${reason}.`, { runId, conversationId: sent.conversationId });
    const completed = (runId: string, output: AgentRunOutput): InvokeAgentResult => ({
      status: "completed",
      result: output.answer,
      metadata: { runId, conversationId: sent.conversationId, model: output.model, costUsd: output.costUsd, toolCalls: output.toolCalls },
    });
    if (finished?.status === "completed") return completed(finished.runId, finished.output as AgentRunOutput);
    if (finished?.status === "failed") throw fail(finished.runId, finished.error);
    // Timed out: one look at the run (embedded executor), for its id and state.
    const run = await findRunByEvent(deps.db, caller.organisationId, sent.eventId);
    if (run?.status === "completed") return completed(run.id, run.output as AgentRunOutput);
    if (run?.status === "failed" || run?.status === "cancelled") throw fail(run.id, run.status === "cancelled" ? "it was cancelled" : (run.error?.message ?? "unknown error"));
    const runId = run?.id ?? watch?.runId ?? null;
    return { status: "accepted", runId, eventId: sent.eventId, conversationId: sent.conversationId, state: run?.status ?? (watch?.runId ? "running" : "queued") };
  } finally {
    watching.run?.close();
  }
}
