import type { LlmMessage, LlmTool } from "@/server/llm/llm-types";

/** Tokens an image costs on the big providers, roughly (a ~1000x1000 picture). */
const IMAGE_TOKENS = 1_200;
const MESSAGE_OVERHEAD_TOKENS = 4;

/**
 * A fast estimate of a text's tokens (about four characters each for English and code, more for dense
 * punctuation), good enough to price a request before sending it; the recorded cost uses the provider's count.
 */
export function estimateTextTokens(text: string): number {
  if (text.length === 0) return 0;
  let symbols = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const isWordCharacter = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 32;
    if (!isWordCharacter) symbols += 1;
  }
  return Math.ceil((text.length - symbols) / 4 + symbols / 2);
}

export function estimateInputTokens(request: { system?: string; messages: readonly LlmMessage[]; tools?: readonly LlmTool[] }): number {
  let tokens = estimateTextTokens(request.system ?? "");
  for (const message of request.messages) {
    tokens += MESSAGE_OVERHEAD_TOKENS;
    if (typeof message.content === "string") {
      tokens += estimateTextTokens(message.content);
      continue;
    }
    for (const part of message.content) {
      if (part.type === "text") tokens += estimateTextTokens(part.text);
      else if (part.type === "image") tokens += IMAGE_TOKENS;
      else if (part.type === "tool_call") tokens += estimateTextTokens(part.name + JSON.stringify(part.input));
      else tokens += estimateTextTokens(part.content);
    }
  }
  for (const tool of request.tools ?? []) {
    tokens += estimateTextTokens(tool.name + tool.description + JSON.stringify(tool.inputSchema));
  }
  return tokens;
}
