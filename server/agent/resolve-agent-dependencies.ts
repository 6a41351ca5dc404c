import "server-only";
import { getDb } from "@/db/client";
import type { AgentDependencies } from "@/server/agent/agent-dependencies";
import { buildAgentTools } from "@/server/agent/build-agent-tools";
import { getRedis } from "@/server/cache/redis";
import { getEventBus } from "@/server/events/get-event-bus";
import { getLlmRouter } from "@/server/llm/get-llm-router";
import { ConversationMemory } from "@/server/memory/conversation-memory";
import { getStorage } from "@/server/storage/get-storage";

/** The agent's parts for one organisation, from the process's shared database, router, Redis and storage. */
export async function resolveAgentDependencies(organisationId: string): Promise<AgentDependencies> {
  const db = await getDb();
  return {
    db,
    router: await getLlmRouter(),
    memory: new ConversationMemory(db, getRedis()),
    bus: getEventBus(),
    tools: await buildAgentTools({ db, storage: getStorage() }, organisationId),
  };
}
