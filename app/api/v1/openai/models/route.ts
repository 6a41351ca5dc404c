// GET /api/v1/openai/models: the models a client can name (plus "auto"), in the OpenAI list format.
import { getLlmRouter } from "@/server/llm/get-llm-router";
import { listGatewayModels } from "@/server/llm/gateway/list-gateway-models";
import { withApiKey } from "@/server/http/with-api-key";

export const dynamic = "force-dynamic";

export const GET = withApiKey(async (_request, { caller }) => Response.json(await listGatewayModels(await getLlmRouter(), caller.organisationId)));
