import "server-only";
import type { AgentDependencies, AgentRunScope } from "@/server/agent/agent-dependencies";
import { findConversation, saveConversationSummary } from "@/server/memory/conversation-repository";
import { listMessagesBetween, type MessageRow } from "@/server/memory/message-repository";

/** How much unsummarised history a conversation may have before its older part is summarised. */
export interface HistoryBudget {
  messages: number;
  /** Estimated tokens (about four characters a token). */
  tokens: number;
}

export const DEFAULT_HISTORY_BUDGET: HistoryBudget = { messages: 24, tokens: 8_000 };

const TOOL_RESULT_CHARS = 1_000;

const SUMMARY_PROMPT = [
  "You summarise the earlier part of a conversation between a user and Candlefish, an assistant for spreadsheets and business systems,",
  "so the assistant can continue it without the full transcript. Keep the user's goals, the facts and numbers established (with the",
  "workbooks, cells and records they came from), decisions, and open questions. Write plain prose under 250 words; no preamble.",
].join(" ");

export interface HistorySummary {
  /** The conversation's summary (null when it has none), to put in front of the recent window. */
  summary: string | null;
  summarisedThroughSeq: number | null;
  /** Whether this call asked the model for a new summary. */
  summarised: boolean;
  costUsd: number;
}

export const estimateTokens = (text: string) => Math.ceil(text.length / 4);

function transcriptLine(message: MessageRow): string {
  const content = message.role === "tool" ? message.content.slice(0, TOOL_RESULT_CHARS) : message.content;
  const calls = message.role === "assistant" ? ((message.metadata.toolCalls as { name: string }[] | undefined) ?? []) : [];
  const called = calls.length ? ` [called ${calls.map((call) => call.name).join(", ")}]` : "";
  return `${message.role}: ${content}${called}`;
}

/**
 * Keeps a long conversation within the model's context: when its unsummarised history (everything after the
 * stored summary) exceeds the budget, the part older than the recent window is summarised by the router,
 * together with the previous summary, and stored on the conversation. Idempotent: once stored, a repeat finds
 * nothing new to summarise and returns the stored summary without calling a model.
 */
export async function summariseHistory(deps: AgentDependencies, scope: AgentRunScope, budget: HistoryBudget = DEFAULT_HISTORY_BUDGET): Promise<HistorySummary> {
  const conversation = await findConversation(deps.db, scope.organisationId, scope.conversationId);
  const stored: HistorySummary = { summary: conversation?.summary ?? null, summarisedThroughSeq: conversation?.summarisedThroughSeq ?? null, summarised: false, costUsd: 0 };
  if (!conversation) return stored;
  const window = await deps.memory.window(scope.organisationId, scope.conversationId);
  // The model sees the window from its first user message on (see to-llm-messages.ts); older is everything before.
  const firstUser = window.find((message) => message.role === "user");
  if (!firstUser) return stored;
  const older = await listMessagesBetween(deps.db, scope.organisationId, scope.conversationId, stored.summarisedThroughSeq ?? 0, firstUser.seq);
  const last = older.at(-1);
  if (!last) return stored;
  const recent = window.filter((message) => message.seq >= firstUser.seq);
  const tokens = estimateTokens([stored.summary ?? "", ...older.map((message) => message.content), ...recent.map((message) => message.content)].join(""));
  if (older.length + recent.length <= budget.messages && tokens <= budget.tokens) return stored;

  const transcript = [stored.summary ? `Summary of what came before:\n${stored.summary}\n\nThen:` : "Transcript:", ...older.map(transcriptLine)].join("\n");
  const result = await deps.router.routeChat({
    organisationId: scope.organisationId,
    userId: scope.userId,
    conversationId: scope.conversationId,
    runId: scope.runId,
    stepId: "summarise-history",
    system: SUMMARY_PROMPT,
    messages: [{ role: "user", content: transcript }],
    maxOutputTokens: 600,
  });
  const summary = result.text.trim();
  if (!summary) return { ...stored, costUsd: result.costUsd };
  await saveConversationSummary(deps.db, scope.organisationId, scope.conversationId, summary, last.seq);
  const now = await findConversation(deps.db, scope.organisationId, scope.conversationId);
  return { summary: now?.summary ?? summary, summarisedThroughSeq: now?.summarisedThroughSeq ?? last.seq, summarised: true, costUsd: result.costUsd };
}

/** The system prompt of a model turn: the agent's instructions, then the summary of the older conversation. */
export function withHistorySummary(system: string, summary: string | null | undefined): string {
  return summary ? `${system}\n\nSummary of the earlier conversation (its messages are not shown):\n${summary}` : system;
}
