import "server-only";
import { getDb } from "@/db/client";
import type { Database } from "@/db/database";
import { authenticateApiKey } from "@/server/api-keys/authenticate-api-key";
import type { Caller } from "@/server/auth/caller";
import { clientIp } from "@/server/http/client-ip";
import { errorResponse } from "@/server/http/error-response";
import { enforceApiRateLimit } from "@/server/security/rate-limits";

export interface ApiContext<P> {
  caller: Caller;
  db: Database;
  params: P;
}

type RouteContext<P> = { params: Promise<P> };

/**
 * Wraps a REST route under /api/v1: authenticates `Authorization: Bearer <key>`, applies the per-user and
 * per-organisation rate limits, hands the handler the caller (whose organisation scopes every query), and turns
 * thrown errors into the JSON error body.
 */
export function withApiKey<P = Record<string, never>>(
  handler: (request: Request, context: ApiContext<P>) => Promise<Response>,
): (request: Request, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      const db = await getDb();
      const caller = await authenticateApiKey(db, request.headers.get("authorization"), clientIp(request));
      await enforceApiRateLimit(caller);
      return await handler(request, { caller, db, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
