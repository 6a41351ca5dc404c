import "server-only";
/**
 * tRPC in three parts: 1. context (database, caller from the session), 2. initialisation (superjson, AppError
 * mapping, flattened zod errors), 3. procedures (public, protected, run-starting, admin), all rate-limited.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { getDb } from "@/db/client";
import type { Database } from "@/db/database";
import { isAdminRole, type Caller } from "@/server/auth/caller";
import { resolveSessionCaller } from "@/server/auth/resolve-session-caller";
import { isAppError } from "@/server/errors/app-error";
import { enforceApiRateLimit } from "@/server/security/rate-limits";
import { enforceSessionRateLimit } from "@/server/security/session-rate-limits";

// 1. Context
export interface TrpcContext {
  db: Database;
  caller: Caller | null;
  headers: Headers;
  /** The client's address, which signed-out callers are rate-limited by (absent for server-side callers). */
  clientAddress?: string;
}

export async function createTrpcContext(options: { headers: Headers; clientAddress?: string }): Promise<TrpcContext> {
  const db = await getDb();
  return { db, caller: await resolveSessionCaller(db), headers: options.headers, clientAddress: options.clientAddress };
}

// 2. Initialisation
const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        appCode: isAppError(error.cause) ? error.cause.code : undefined,
        zodError: error.cause instanceof ZodError ? error.cause.flatten() : null,
      },
    };
  },
});

/** Services throw AppError; this is the one place it becomes a TRPCError. */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isAppError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.trpcCode, message: cause.message, cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Every call (each call of a batch) counts against the session limit of its user, or its address when signed out. */
const limitRate = t.middleware(async ({ ctx, next }) => {
  await enforceSessionRateLimit({ userId: ctx.caller?.userId, clientAddress: ctx.clientAddress });
  return next();
});

// 3. Procedures
export const publicProcedure = t.procedure.use(mapAppErrors).use(limitRate);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.caller) throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended. Sign in again." });
  return next({ ctx: { ...ctx, caller: ctx.caller } });
});

/** Starting a durable run (a chat turn, a rerun) also spends the caller's REST API budget: runs cost model calls. */
export const runStartingProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  await enforceApiRateLimit(ctx.caller);
  return next();
});

export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!isAdminRole(ctx.caller.role)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only organisation owners and admins can do this." });
  }
  return next();
});
