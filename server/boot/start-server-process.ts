import "server-only";
import { getDatabaseHandle } from "@/db/client";

/**
 * Start-up work of a server process: schema migrations now, so the first request does not pay for them, and a
 * clean close of the database on SIGTERM/SIGINT (the embedded database must flush and release its lock).
 */
export async function startServerProcess(): Promise<void> {
  const handle = await getDatabaseHandle();
  console.log(`candlefish: database ready (${handle.driver})`);
  const shutdown = (signal: NodeJS.Signals) => {
    console.log(`candlefish: ${signal}, closing`);
    handle.close().finally(() => process.exit(0));
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
