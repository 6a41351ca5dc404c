import "server-only";
import { getDb } from "@/db/client";
import type { Database } from "@/db/database";
import type { Caller } from "@/server/auth/caller";
import { resolveSessionCaller } from "@/server/auth/resolve-session-caller";
import { AppError } from "@/server/errors/app-error";
import { errorResponse } from "@/server/http/error-response";

/** Wraps a route the signed-in UI calls directly (uploads, downloads): the session's caller, or 401 JSON. */
export function withSession<P = Record<string, never>>(
  handler: (request: Request, context: { caller: Caller; db: Database; params: P }) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  return async (request, context) => {
    try {
      const db = await getDb();
      const caller = await resolveSessionCaller(db);
      if (!caller) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
      return await handler(request, { caller, db, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
