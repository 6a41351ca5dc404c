// POST /api/v1/agent/invoke: ask the agent; 200 with the answer when it finishes within `options.timeout`,
// otherwise 202 with the run id to poll at /api/v1/runs/{id}. 429 with Retry-After when rate limited.
import { invokeAgent, invokeAgentSchema } from "@/server/agent/invoke-agent";
import { getChatDependencies } from "@/server/chat/chat-dependencies";
import { getEventBus } from "@/server/events/get-event-bus";
import { readJsonBody } from "@/server/http/read-json-body";
import { withApiKey } from "@/server/http/with-api-key";

export const POST = withApiKey(async (request, { caller }) => {
  const input = await readJsonBody(request, invokeAgentSchema);
  const outcome = await invokeAgent({ ...(await getChatDependencies()), bus: getEventBus() }, caller, input);
  if (outcome.status === "completed") return Response.json({ result: outcome.result, metadata: outcome.metadata });
  return Response.json(
    { runId: outcome.runId, eventId: outcome.eventId, conversationId: outcome.conversationId, status: outcome.state },
    { status: 202, headers: outcome.runId ? { location: `/api/v1/runs/${outcome.runId}` } : {} },
  );
});
