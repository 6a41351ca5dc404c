import type { LlmProvider, LlmMessage, ProviderCallRequest, ProviderCallResult } from "@/server/llm/llm-types";
import { messageText } from "@/server/llm/llm-types";
import { estimateInputTokens, estimateTextTokens } from "@/server/llm/estimate-tokens";

export const OFFLINE_PROVIDER_ID = "offline";
export const OFFLINE_MODEL = "candlefish-offline";

/**
 * The provider used when no model provider is configured: answers deterministically, without network,
 * and says plainly that it is offline, so the product works end to end on a laptop or in CI.
 */
export function createOfflineProvider(): LlmProvider {
  return {
    id: OFFLINE_PROVIDER_ID,
    kind: "offline",
    label: "Offline (no model configured)",
    models: [OFFLINE_MODEL],
    call: async (request) => answerOffline(request),
  };
}

function lastUserMessage(messages: readonly LlmMessage[]): LlmMessage | undefined {
  return [...messages].reverse().find((message) => message.role === "user");
}

function composeAnswer(request: ProviderCallRequest): string {
  const last = lastUserMessage(request.messages);
  const toolResults = last && typeof last.content !== "string" ? last.content.filter((part) => part.type === "tool_result") : [];
  const lead = "Candlefish is offline: no model provider is configured, so this answer was produced without a language model.";
  if (toolResults.length > 0) {
    const summaries = toolResults.map((part) => `- ${part.isError ? "failed" : "returned"}: ${part.content.slice(0, 200)}`);
    return `${lead} The tools you ran reported:\n${summaries.join("\n")}`;
  }
  const asked = last ? messageText(last).trim().replace(/\s+/g, " ").slice(0, 200) : "";
  const setup = "Set ANTHROPIC_API_KEY, OPENAI_API_KEY or TOGETHER_API_KEY, or add an endpoint under Admin → Models, to get real answers.";
  return asked ? `${lead} You asked: "${asked}". ${setup}` : `${lead} ${setup}`;
}

function answerOffline(request: ProviderCallRequest): ProviderCallResult {
  const started = performance.now();
  const words = composeAnswer(request).split(/(?<= )/);
  const maxWords = Math.max(1, Math.floor(request.maxOutputTokens / 2));
  const kept = words.slice(0, maxWords);
  const text = kept.join("");
  let firstTokenMs: number | null = null;
  if (request.onDelta) {
    for (const word of kept) {
      firstTokenMs ??= Math.round(performance.now() - started);
      request.onDelta({ type: "text", text: word });
    }
  }
  return {
    text,
    toolCalls: [],
    usage: { inputTokens: estimateInputTokens(request), outputTokens: estimateTextTokens(text), cacheReadTokens: 0, cacheWriteTokens: 0 },
    stopReason: kept.length < words.length ? "max_tokens" : "end_turn",
    model: OFFLINE_MODEL,
    timeToFirstTokenMs: firstTokenMs,
  };
}
