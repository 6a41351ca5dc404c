import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { durableRuns } from "@/db/schema";
import type { AgentRunOutput } from "@/inngest/functions/agent-run";
import type { Caller } from "@/server/auth/caller";
import { AppError } from "@/server/errors/app-error";
import { sendChatMessage, type ChatDependencies } from "@/server/chat/send-chat-message";

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
const POLL_MS = 100;

export type InvokeAgentResult =
  | { status: "completed"; result: string; metadata: { runId: string; conversationId: string; model: string; costUsd: number; toolCalls: AgentRunOutput["toolCalls"] } }
  | { status: "accepted"; runId: string | null; eventId: string; conversationId: string; state: string };

/**
 * The invoke API: the prompt (with any context) becomes a chat message whose agent run is awaited up to the
 * timeout; a run still working then is answered with its id to poll at /api/v1/runs/{id}.
 */
export async function invokeAgent(deps: ChatDependencies, caller: Caller, input: InvokeAgentInput): Promise<InvokeAgentResult> {
  const content = input.context ? `${input.prompt}\n\nContext (JSON):\n${JSON.stringify(input.context, null, 2)}` : input.prompt;
  const sent = await sendChatMessage(deps, caller, { conversationId: input.conversationId, content, maxCost: input.options?.maxCost });
  const deadline = Date.now() + (input.options?.timeout ?? DEFAULT_INVOKE_TIMEOUT_MS);
  let run: typeof durableRuns.$inferSelect | undefined;
  do {
    [run] = await deps.db
      .select()
      .from(durableRuns)
      .where(and(eq(durableRuns.eventId, sent.eventId), eq(durableRuns.organisationId, caller.organisationId)))
      .limit(1);
    if (run?.status === "completed") {
      const output = run.output as AgentRunOutput;
      return {
        status: "completed",
        result: output.answer,
        metadata: { runId: run.id, conversationId: sent.conversationId, model: output.model, costUsd: output.costUsd, toolCalls: output.toolCalls },
      };
    }
    if (run?.status === "failed" || run?.status === "cancelled") {
      const reason = run.status === "cancelled" ? "it was cancelled" : (run.error?.message ?? "unknown error");
      throw new AppError("unavailable", `The agent run ${run.id} did not finish: ${reason}.`, { runId: run.id, conversationId: sent.conversationId });
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  } while (Date.now() < deadline);
  return { status: "accepted", runId: run?.id ?? null, eventId: sent.eventId, conversationId: sent.conversationId, state: run?.status ?? "queued" };
}
