/** Runs once when the server starts: opens the database (applying migrations) before the first request. */
export async function register() {
  // NEXT_RUNTIME is set by Next itself (not configuration), and env.ts must not load in the edge runtime.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerProcess } = await import("@/server/boot/start-server-process");
  await startServerProcess();
}
