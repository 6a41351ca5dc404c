import type { LlmFallbackHop } from "@/db/schema/llm";
import type { RouteDecision } from "@/server/llm/choose-route";
import type { LlmDelta, LlmMessage, LlmStopReason, LlmTool, LlmToolCall, LlmToolChoice, LlmUsage } from "@/server/llm/llm-types";

/** A model call as the rest of the product asks for it (the agent, the gateway, the admin preview). */
export interface RouteChatRequest {
  organisationId: string;
  userId?: string;
  conversationId?: string;
  runId?: string;
  stepId?: string;
  source?: "app" | "gateway";
  /** "auto" (or absent) routes by policy; a model name (optionally `provider/model`) goes to its provider. */
  model?: string;
  system?: string;
  messages: LlmMessage[];
  tools?: LlmTool[];
  toolChoice?: LlmToolChoice;
  /** Files attached to the conversation that are not in `messages` (they raise the complexity). */
  attachments?: number;
  maxOutputTokens?: number;
  temperature?: number;
  stop?: string[];
  /** The most this call may cost in USD, checked against an estimate before sending. */
  maxCost?: number;
  signal?: AbortSignal;
  onDelta?: (delta: LlmDelta) => void;
}

export interface RouteChatResult {
  text: string;
  toolCalls: LlmToolCall[];
  usage: LlmUsage;
  stopReason: LlmStopReason;
  costUsd: number;
  provider: string;
  model: string;
  decision: RouteDecision;
  fallbackChain: LlmFallbackHop[];
  latencyMs: number;
  timeToFirstTokenMs: number | null;
}
