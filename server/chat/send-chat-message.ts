import "server-only";
import { z } from "zod";
import type { Database } from "@/db/database";
import type { Caller } from "@/server/auth/caller";
import { AppError } from "@/server/errors/app-error";
import type { ConversationMemory } from "@/server/memory/conversation-memory";
import { findConversation, insertConversation } from "@/server/memory/conversation-repository";

export const chatMessageSchema = z.object({
  conversationId: z.string().min(1).optional(),
  content: z.string().trim().min(1, "Write a message.").max(20_000, "Messages are limited to 20,000 characters."),
  maxCost: z.number().positive().max(100).optional(),
});
export type ChatMessageInput = z.infer<typeof chatMessageSchema>;

export interface ChatDependencies {
  db: Database;
  memory: ConversationMemory;
  /** Sends `agent/run.requested`; returns the event id. */
  requestAgentRun(event: { organisationId: string; conversationId: string; messageId: string; userId: string; maxCost?: number }): Promise<string>;
}

/** Stores the user's message (starting a conversation when none is given) and starts an agent run for it. */
export async function sendChatMessage(deps: ChatDependencies, caller: Caller, input: ChatMessageInput) {
  const conversation = input.conversationId
    ? await findConversation(deps.db, caller.organisationId, input.conversationId)
    : await insertConversation(deps.db, { organisationId: caller.organisationId, userId: caller.userId, title: titleFrom(input.content) });
  if (!conversation) throw new AppError("not_found", "No such conversation in your organisation.");
  const message = await deps.memory.append(caller.organisationId, conversation.id, { role: "user", content: input.content, metadata: { userId: caller.userId } });
  const eventId = await deps.requestAgentRun({
    organisationId: caller.organisationId,
    conversationId: conversation.id,
    messageId: message.id,
    userId: caller.userId,
    maxCost: input.maxCost,
  });
  return { conversationId: conversation.id, messageId: message.id, eventId };
}

function titleFrom(content: string): string {
  const firstLine = content.split("\n")[0]?.trim() ?? "";
  return firstLine.length > 80 ? `${firstLine.slice(0, 77)}…` : firstLine || "New conversation";
}
