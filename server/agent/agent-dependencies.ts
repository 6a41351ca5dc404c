import "server-only";
import type { Database } from "@/db/database";
import type { EventBus } from "@/server/events/event-bus";
import type { LlmRouter } from "@/server/llm/llm-router";
import type { ConversationMemory } from "@/server/memory/conversation-memory";
import type { ToolRegistry } from "@/server/tools/tool-registry";

/** What an agent run's steps work with; built per step from the process's shared parts (or fakes in tests). */
export interface AgentDependencies {
  db: Database;
  router: LlmRouter;
  memory: ConversationMemory;
  bus: EventBus;
  tools: ToolRegistry;
}

export interface AgentRunScope {
  organisationId: string;
  userId?: string;
  conversationId: string;
  runId: string;
}

export const AGENT_SYSTEM_PROMPT = [
  "You are Candlefish, an assistant for business spreadsheets and systems.",
  "Use the tools offered to answer from the user's own workbooks and connected systems; never invent numbers a tool can compute.",
  "When a tool fails, say so plainly and suggest what the user can do. Answer concisely, in Markdown.",
].join(" ");

export const MODEL_STEP_TIMEOUT_MS = 5 * 60 * 1000;
export const MAX_TURNS_PER_RUN = 8;
