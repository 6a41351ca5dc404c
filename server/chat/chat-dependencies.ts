import "server-only";
import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { agentRunCancelled, agentRunRequested, agentToolDecided } from "@/inngest/events";
import { getRedis } from "@/server/cache/redis";
import type { ToolDecision } from "@/server/chat/decide-tool-call";
import type { ChatDependencies } from "@/server/chat/send-chat-message";
import { ConversationMemory } from "@/server/memory/conversation-memory";

export async function getChatDependencies(): Promise<ChatDependencies> {
  const db = await getDb();
  return {
    db,
    memory: new ConversationMemory(db, getRedis()),
    requestAgentRun: async (event) => (await inngest.send(agentRunRequested.create(event))).ids[0] ?? "",
  };
}

export async function sendToolDecision(decision: ToolDecision): Promise<void> {
  await inngest.send(agentToolDecided.create(decision));
}

export async function sendRunCancellation(event: { organisationId: string; conversationId: string }): Promise<void> {
  await inngest.send(agentRunCancelled.create(event));
}
