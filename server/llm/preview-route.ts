import "server-only";
import type { Caller } from "@/server/auth/caller";
import type { LlmRouter } from "@/server/llm/llm-router";

/**
 * "Try a prompt": which model the organisation's policy would pick for a prompt, why, and at what estimated
 * cost, without sending anything. `tools` and `attachments` stand in for a real request's.
 */
export async function previewRoute(router: LlmRouter, caller: Caller, input: { prompt: string; maxCost?: number; tools: number; attachments: number }) {
  const tools = Array.from({ length: input.tools }, (_, index) => ({ name: `tool_${index + 1}`, description: "A tool", inputSchema: { type: "object" } }));
  const decision = await router.previewRoute({
    organisationId: caller.organisationId,
    userId: caller.userId,
    messages: [{ role: "user", content: input.prompt }],
    tools,
    attachments: input.attachments,
    maxCost: input.maxCost,
  });
  const chosen = decision.chain[0];
  return {
    tier: decision.tier,
    complexity: decision.complexity,
    model: chosen ? `${chosen.provider}/${chosen.model}` : null,
    estimatedCostUsd: chosen?.estimatedCostUsd ?? null,
    estimatedInputTokens: decision.estimatedInputTokens,
    maxOutputTokens: decision.maxOutputTokens,
    costCapUsd: decision.costCapUsd,
    fallbacks: decision.chain.slice(1).map((ref) => `${ref.provider}/${ref.model}`),
    reason: decision.reason,
    refusal: decision.refusal ?? null,
  };
}
