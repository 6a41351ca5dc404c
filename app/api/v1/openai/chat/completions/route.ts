// POST /api/v1/openai/chat/completions: an OpenAI-compatible Chat Completions endpoint (API key auth) routed
// through the LLM router's policy, budgets and accounting. Supports streaming and tool calls.
import { getLlmRouter } from "@/server/llm/get-llm-router";
import { handleChatCompletions } from "@/server/llm/gateway/handle-chat-completions";
import { withApiKey } from "@/server/http/with-api-key";

export const dynamic = "force-dynamic";

export const POST = withApiKey(async (request, { caller }) => handleChatCompletions(request, caller, await getLlmRouter()));
