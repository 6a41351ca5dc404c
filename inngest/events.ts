import { eventType } from "inngest";
import { z } from "zod";
import { agentChainSchema } from "@/server/agent/chains/agent-chain-schema";

/**
 * Every event the app sends or functions wait for, typed once. Names follow `domain/object.verb-past`.
 * `organisationId` scopes the runs an event starts (the executor stores it on each run).
 */
export const demoHelloRequested = eventType("demo/hello.requested", {
  schema: z.object({ organisationId: z.string(), name: z.string().min(1).max(100) }),
});

export const workbookTransformRequested = eventType("workbook/transform.requested", {
  schema: z.object({ organisationId: z.string(), workbookId: z.string() }),
});

export const agentRunRequested = eventType("agent/run.requested", {
  schema: z.object({
    organisationId: z.string(),
    conversationId: z.string(),
    messageId: z.string(),
    userId: z.string().optional(),
    maxCost: z.number().positive().optional(),
  }),
});

/**
 * The user's answer to a destructive tool call the agent is waiting on: sent only by the server, for a call it
 * found waiting in the caller's organisation. The run matches it as data (organisation and conversation by its
 * wait expression, run and server-generated call id in code), never by an expression built from its values.
 */
export const agentToolDecided = eventType("agent/tool.decided", {
  schema: z.object({ organisationId: z.string(), conversationId: z.string(), runId: z.string(), toolCallId: z.string(), approved: z.boolean() }),
});

/** Stop button: cancels the conversation's running agent run. */
export const agentRunCancelled = eventType("agent/run.cancelled", {
  schema: z.object({ organisationId: z.string(), conversationId: z.string() }),
});

/** Starts an AgentChain run (the definition travels with the event, so a run never depends on later edits). */
export const agentChainRequested = eventType("agent/chain.requested", {
  schema: z.object({
    organisationId: z.string(),
    userId: z.string().optional(),
    chain: agentChainSchema,
    input: z.string().max(20_000),
  }),
});
