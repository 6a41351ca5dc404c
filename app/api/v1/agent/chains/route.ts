// POST /api/v1/agent/chains: start an AgentChain `{chain: {name, steps, onFailure?}, input?}` → 202 {eventId, runId};
// the run's output (every step's result) is at /api/v1/runs/{runId} when it completes.
import { getAgentChainDependencies } from "@/server/agent/chains/get-agent-chain-dependencies";
import { startAgentChain, startAgentChainSchema } from "@/server/agent/chains/start-agent-chain";
import { readJsonBody } from "@/server/http/read-json-body";
import { withApiKey } from "@/server/http/with-api-key";
import { findRunIdByEvent } from "@/server/runs/find-run-by-event";

export const POST = withApiKey(async (request, { caller, db }) => {
  const body = await readJsonBody(request, startAgentChainSchema);
  const { eventId } = await startAgentChain(getAgentChainDependencies(), caller, body);
  const runId = await findRunIdByEvent(db, caller.organisationId, eventId);
  return Response.json({ eventId, runId }, { status: 202, headers: runId ? { location: `/api/v1/runs/${runId}` } : {} });
});
