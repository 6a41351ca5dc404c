import { estimateInputTokens } from "@/server/llm/estimate-tokens";
import type { LlmMessage, LlmTool, LlmToolChoice } from "@/server/llm/llm-types";
import { messageText } from "@/server/llm/llm-types";

export type ComplexityLevel = "low" | "medium" | "high";

export interface ComplexityAssessment {
  level: ComplexityLevel;
  score: number;
  /** The signals that scored, in words, for the route reason. */
  signals: string[];
}

export interface ComplexityThresholds {
  mediumAt: number;
  highAt: number;
}

const ANALYSIS = /\b(analy[sz]e|analysis|compare|comparison|evaluate|assess|reconcile|forecast|derive|prove|diagnose|debug|refactor|optimi[sz]e|architect|design|trade-?offs?|root cause|why does|explain why|step[- ]by[- ]step|plan)\b/gi;
const CODE_BLOCK = /```/g;
const FORMULA_OR_CODE = /(=[A-Z]{2,}\(|\bfunction\b|=>|\bSELECT\b.+\bFROM\b|\bdef \w+\(|[{};]\s*$)/m;
const ENUMERATION = /^\s*(\d+[.)]|[-*•])\s+/gm;

/**
 * Scores how demanding a request is from what it contains, not just its length: code and formulas, analysis
 * verbs, tools the answer needs, how long the conversation has run, attachments, and numbered sub-tasks.
 */
export function assessComplexity(
  request: { system?: string; messages: readonly LlmMessage[]; tools?: readonly LlmTool[]; toolChoice?: LlmToolChoice; attachments?: number },
  thresholds: ComplexityThresholds,
): ComplexityAssessment {
  const signals: string[] = [];
  let score = 0;
  const add = (points: number, signal: string) => {
    score += points;
    signals.push(signal);
  };
  const last = [...request.messages].reverse().find((message) => message.role === "user");
  const prompt = last ? messageText(last) : "";

  const codeBlocks = Math.floor((prompt.match(CODE_BLOCK)?.length ?? 0) / 2);
  if (codeBlocks > 0) add(Math.min(4, 2 + codeBlocks), `${codeBlocks} code block${codeBlocks > 1 ? "s" : ""}`);
  else if (FORMULA_OR_CODE.test(prompt)) add(2, "code or formulas");

  const verbs = new Set((prompt.match(ANALYSIS) ?? []).map((verb) => verb.toLowerCase()));
  if (verbs.size > 0) add(Math.min(4, 1 + verbs.size), `analysis (${[...verbs].slice(0, 3).join(", ")})`);

  const steps = prompt.match(ENUMERATION)?.length ?? 0;
  if (steps >= 3) add(steps >= 6 ? 2 : 1, `${steps} listed sub-tasks`);
  const questions = prompt.split("?").length - 1;
  if (questions >= 3) add(1, `${questions} questions`);

  const toolCount = request.tools?.length ?? 0;
  if (toolCount > 0) {
    const required = request.toolChoice === "required" || typeof request.toolChoice === "object";
    add(required ? 3 : toolCount >= 5 ? 3 : 2, `${toolCount} tool${toolCount > 1 ? "s" : ""}${required ? " (required)" : ""}`);
  }

  const toolResults = request.messages.reduce(
    (count, message) => count + (typeof message.content === "string" ? 0 : message.content.filter((part) => part.type === "tool_result").length),
    0,
  );
  if (toolResults > 0) add(Math.min(3, toolResults), `${toolResults} tool result${toolResults > 1 ? "s" : ""} to reason over`);

  const turns = request.messages.length;
  if (turns >= 12) add(2, `${turns}-message conversation`);
  else if (turns >= 6) add(1, `${turns}-message conversation`);

  const images = request.messages.reduce(
    (count, message) => count + (typeof message.content === "string" ? 0 : message.content.filter((part) => part.type === "image").length),
    0,
  );
  const attachments = images + (request.attachments ?? 0);
  if (attachments > 0) add(Math.min(3, 1 + attachments), `${attachments} attachment${attachments > 1 ? "s" : ""}`);

  const tokens = estimateInputTokens(request);
  if (tokens > 8_000) add(3, `~${tokens} input tokens`);
  else if (tokens > 2_000) add(2, `~${tokens} input tokens`);
  else if (tokens > 400) add(1, `~${tokens} input tokens`);

  const level: ComplexityLevel = score >= thresholds.highAt ? "high" : score >= thresholds.mediumAt ? "medium" : "low";
  return { level, score, signals: signals.length ? signals : ["short plain request"] };
}
