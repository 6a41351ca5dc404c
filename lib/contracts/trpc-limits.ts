/**
 * Limits of the tRPC endpoint, shared by the server (which refuses beyond them) and the browser client (which
 * splits its batches to stay within them).
 */
export const TRPC_MAX_BATCH_SIZE = 10;
export const TRPC_MAX_BODY_BYTES = 1_000_000;
