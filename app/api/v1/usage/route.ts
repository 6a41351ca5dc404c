// GET /api/v1/usage?from=&to=: cost and tokens of the caller's organisation grouped by provider and model
// (ISO dates; defaults: from the start of this month to now).
import { getUsage, usageQuerySchema } from "@/server/llm/get-usage";
import { withApiKey } from "@/server/http/with-api-key";

export const dynamic = "force-dynamic";

export const GET = withApiKey(async (request, { caller, db }) => {
  const query = usageQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await getUsage(db, caller.organisationId, query));
});
