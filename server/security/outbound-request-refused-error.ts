import { AppError } from "@/server/errors/app-error";

/** Why the guard refused a URL or a connection. */
export type OutboundRefusal = "invalid_url" | "scheme" | "credentials" | "query" | "unresolvable" | "private_address" | "redirect";

/**
 * A request to a user-supplied URL that the server will not make. An AppError (400), so a route, a procedure or
 * a tool shows its message as is: it says what was wrong and, for private addresses, what the operator can do.
 */
export class OutboundRequestRefusedError extends AppError {
  constructor(
    readonly reason: OutboundRefusal,
    message: string,
  ) {
    super("bad_request", message, { reason });
  }
}

/** The guard's refusal inside whatever a fetch or an SDK wrapped it in (`TypeError: fetch failed`, APIConnectionError). */
export function findOutboundRefusal(error: unknown): OutboundRequestRefusedError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    if (current instanceof OutboundRequestRefusedError) return current;
  }
  return undefined;
}
