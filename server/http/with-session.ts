import "server-only";
import { getDb } from "@/db/client";
import type { Database } from "@/db/database";
import type { Caller } from "@/server/auth/caller";
import { resolveSessionCaller } from "@/server/auth/resolve-session-caller";
import { AppError } from "@/server/errors/app-error";
import { findCrossSiteRefusal } from "@/server/http/check-request-origin";
import { clientIp } from "@/server/http/client-ip";
import { errorResponse } from "@/server/http/error-response";
import { enforceSessionRateLimit } from "@/server/security/session-rate-limits";

/**
 * Wraps a route the signed-in UI calls directly (uploads, downloads, live events): refuses cross-site
 * state-changing requests (403), applies the session rate limit (429), then hands over the session's caller,
 * or answers 401 JSON.
 */
export function withSession<P = Record<string, never>>(
  handler: (request: Request, context: { caller: Caller; db: Database; params: P }) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    try {
      const refusal = findCrossSiteRefusal(request);
      if (refusal) throw new AppError("forbidden", refusal);
      const db = await getDb();
      const caller = await resolveSessionCaller(db);
      await enforceSessionRateLimit({ userId: caller?.userId, clientAddress: clientIp(request) });
      if (!caller) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
      return await handler(request, { caller, db, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
