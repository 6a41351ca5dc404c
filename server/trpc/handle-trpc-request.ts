import "server-only";
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPC_MAX_BATCH_SIZE, TRPC_MAX_BODY_BYTES } from "@/lib/contracts/trpc-limits";
import { AppError, isAppError } from "@/server/errors/app-error";
import { capRequestBody } from "@/server/http/cap-request-body";
import { findCrossSiteRefusal } from "@/server/http/check-request-origin";
import { clientIp } from "@/server/http/client-ip";
import { createTrpcContext } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

const tooLarge = () => {
  const message = `Requests are limited to ${TRPC_MAX_BODY_BYTES} bytes. Send less at once.`;
  return new TRPCError({ code: "PAYLOAD_TOO_LARGE", message, cause: new AppError("payload_too_large", message) });
};

/**
 * The tRPC endpoint the browser UI calls. Before any procedure runs: the body is counted in bytes as it
 * streams (413 past the limit), a batch holds at most TRPC_MAX_BATCH_SIZE calls (400 beyond), and a
 * state-changing request with the session cookie must come from a page of this app (403). Each call is then
 * rate-limited by its procedure (see init.ts). Errors keep tRPC's shape, so the client shows their messages.
 */
export function handleTrpcRequest(request: Request): Promise<Response> {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: capRequestBody(request, TRPC_MAX_BODY_BYTES, tooLarge),
    router: appRouter,
    maxBatchSize: TRPC_MAX_BATCH_SIZE,
    createContext: () => {
      const refusal = findCrossSiteRefusal(request);
      if (refusal) throw new TRPCError({ code: "FORBIDDEN", message: refusal, cause: new AppError("forbidden", refusal) });
      return createTrpcContext({ headers: request.headers, clientAddress: clientIp(request) });
    },
    responseMeta: ({ errors }) => {
      const waits = errors.map((error) => (isAppError(error.cause) ? error.cause.retryAfterSeconds : undefined)).filter((wait) => wait !== undefined);
      return waits.length > 0 ? { headers: new Headers({ "retry-after": String(Math.ceil(Math.max(...waits))) }) } : {};
    },
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"}:`, error.cause ?? error);
    },
  });
}
