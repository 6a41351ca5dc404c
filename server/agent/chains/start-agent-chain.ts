import "server-only";
import { z } from "zod";
import { agentChainSchema, type AgentChain } from "@/server/agent/chains/agent-chain-schema";
import type { Caller } from "@/server/auth/caller";
import { AppError } from "@/server/errors/app-error";

export const startAgentChainSchema = z.object({
  chain: agentChainSchema,
  /** What the chain works on (a question, a record, a document), shown to every step. */
  input: z.string().max(20_000).default(""),
});
export type StartAgentChainInput = z.input<typeof startAgentChainSchema>;

export interface AgentChainDependencies {
  /** Sends `agent/chain.requested`; returns the event id. */
  requestChain(event: { organisationId: string; userId: string; chain: AgentChain; input: string }): Promise<string>;
}

/** Validates a chain definition and starts it as a durable run for the caller's organisation. */
export async function startAgentChain(deps: AgentChainDependencies, caller: Caller, input: StartAgentChainInput): Promise<{ eventId: string }> {
  const result = startAgentChainSchema.safeParse(input);
  if (!result.success) {
    throw new AppError("bad_request", `Invalid chain: ${result.error.issues.map((issue) => `${issue.path.join(".") || "chain"}: ${issue.message}`).join("; ")}`);
  }
  const parsed = result.data;
  const eventId = await deps.requestChain({ organisationId: caller.organisationId, userId: caller.userId, chain: parsed.chain, input: parsed.input });
  return { eventId };
}
