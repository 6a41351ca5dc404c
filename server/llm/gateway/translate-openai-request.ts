import { AppError } from "@/server/errors/app-error";
import type { LlmContentPart, LlmMessage, LlmToolChoice } from "@/server/llm/llm-types";
import type { OpenAiChatRequest } from "@/server/llm/gateway/openai-chat-schema";
import type { RouteChatRequest } from "@/server/llm/route-chat-types";

const textOf = (content: string | Array<{ text: string }> | null | undefined) =>
  typeof content === "string" ? content : (content ?? []).map((part) => part.text).join("");

function parseArguments(raw: string, name: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw || "{}");
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new AppError("bad_request", `The arguments of the tool call "${name}" are not a JSON object.`);
}

function imagePart(url: string): LlmContentPart {
  const match = url.match(/^data:([^;,]+);base64,(.+)$/);
  if (!match?.[1] || !match[2]) throw new AppError("bad_request", "Send images as base64 data URLs (data:image/png;base64,...).");
  return { type: "image", mediaType: match[1], data: match[2] };
}

/** Translates an OpenAI Chat Completions request into the router's request. */
export function translateOpenAiRequest(body: OpenAiChatRequest): Omit<RouteChatRequest, "organisationId"> {
  const system: string[] = [];
  const messages: LlmMessage[] = [];
  const appendUserParts = (parts: LlmContentPart[]) => {
    const last = messages.at(-1);
    if (last?.role === "user" && typeof last.content !== "string") last.content.push(...parts);
    else messages.push({ role: "user", content: parts });
  };
  for (const message of body.messages) {
    switch (message.role) {
      case "system":
      case "developer":
        system.push(textOf(message.content));
        break;
      case "user":
        appendUserParts(
          typeof message.content === "string"
            ? [{ type: "text", text: message.content }]
            : message.content.map((part) => (part.type === "text" ? { type: "text" as const, text: part.text } : imagePart(part.image_url.url))),
        );
        break;
      case "tool":
        appendUserParts([{ type: "tool_result", toolCallId: message.tool_call_id, content: textOf(message.content) }]);
        break;
      case "assistant": {
        const parts: LlmContentPart[] = [];
        const text = textOf(message.content);
        if (text) parts.push({ type: "text", text });
        for (const call of message.tool_calls ?? []) {
          parts.push({ type: "tool_call", id: call.id, name: call.function.name, input: parseArguments(call.function.arguments, call.function.name) });
        }
        messages.push({ role: "assistant", content: parts });
        break;
      }
    }
  }
  if (!messages.some((message) => message.role === "user")) throw new AppError("bad_request", "Send at least one user message.");
  const toolChoice: LlmToolChoice | undefined =
    typeof body.tool_choice === "object" ? { name: body.tool_choice.function.name } : body.tool_choice;
  return {
    model: body.model,
    system: system.length ? system.join("\n\n") : undefined,
    messages,
    tools: body.tools?.map((tool) => ({ name: tool.function.name, description: tool.function.description ?? "", inputSchema: tool.function.parameters ?? { type: "object", properties: {} } })),
    toolChoice,
    maxOutputTokens: body.max_completion_tokens ?? body.max_tokens ?? undefined,
    temperature: body.temperature ?? undefined,
    stop: typeof body.stop === "string" ? [body.stop] : (body.stop ?? undefined),
    maxCost: body.max_cost,
    conversationId: body.metadata?.conversation_id,
    runId: body.metadata?.run_id,
    stepId: body.metadata?.step_id,
  };
}
