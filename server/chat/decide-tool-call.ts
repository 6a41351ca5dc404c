import "server-only";
import { z } from "zod";
import type { Database } from "@/db/database";
import { toolResultMessageId } from "@/server/agent/run-tool-call";
import type { Caller } from "@/server/auth/caller";
import { AppError } from "@/server/errors/app-error";
import { findApprovalRequest, messageExists } from "@/server/memory/message-repository";

export const toolDecisionSchema = z.object({
  conversationId: z.string().min(1),
  toolCallId: z.string().min(1).max(100),
  approved: z.boolean(),
});
export type ToolDecisionInput = z.infer<typeof toolDecisionSchema>;

export interface ToolDecision extends ToolDecisionInput {
  organisationId: string;
  runId: string;
}

export interface DecideToolCallDependencies {
  db: Database;
  /** Sends `agent/tool.decided`. */
  sendToolDecision(decision: ToolDecision): Promise<void>;
}

/**
 * The user's answer to a destructive action the agent asked about. Only a call that a run of the caller's own
 * organisation asked approval for, in that conversation, and that has no result yet, can be decided; the
 * decision then names that run, so it reaches no other.
 */
export async function decideToolCall(deps: DecideToolCallDependencies, caller: Caller, input: ToolDecisionInput): Promise<void> {
  const request = await findApprovalRequest(deps.db, caller.organisationId, input.conversationId, input.toolCallId);
  const runId = request?.metadata.runId;
  if (typeof runId !== "string") throw new AppError("not_found", "No action in this conversation is waiting for your approval under that id.");
  if (await messageExists(deps.db, caller.organisationId, toolResultMessageId(runId, input.toolCallId))) {
    throw new AppError("conflict", "This action was already decided (or its wait ran out); ask the agent again to retry it.");
  }
  await deps.sendToolDecision({ ...input, organisationId: caller.organisationId, runId });
}
