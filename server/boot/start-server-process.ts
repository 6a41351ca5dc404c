import "server-only";
import path from "node:path";
import { getDatabaseHandle } from "@/db/client";
import { env } from "@/env";
import { startExecutorFromEnv } from "@/inngest/executor/start-from-env";
import { getLlmRouter } from "@/server/llm/get-llm-router";
import { startLoopbackMetricsListener } from "@/server/metrics/start-loopback-metrics-listener";
import { secureDataDir } from "@/server/security/secure-data-dir";

/**
 * Start-up work of a server process: the data directory narrowed to its owner, schema migrations now (so the
 * first request does not pay for them), the embedded durable-function executor when no Inngest server is
 * configured, the loopback metrics listener when no METRICS_TOKEN is, and on SIGTERM/SIGINT a clean stop
 * (unfinished steps are released for the next start, model-call accounting flushed, the database closed).
 */
export async function startServerProcess(): Promise<void> {
  secureDataDir(path.resolve(env.DATA_DIR));
  const handle = await getDatabaseHandle();
  console.log(`candlefish: database ready (${handle.driver})`);
  const executor = await startExecutorFromEnv(handle);
  if (executor) console.log("candlefish: embedded durable-function executor started");
  const metrics = !env.METRICS_TOKEN && env.METRICS_PORT > 0 ? await startLoopbackMetricsListener(env.METRICS_PORT) : undefined;
  if (metrics) console.log(`candlefish: metrics on ${metrics.url}/metrics (loopback only; set METRICS_TOKEN to serve /api/metrics)`);
  const shutdown = (signal: NodeJS.Signals) => {
    console.log(`candlefish: ${signal}, closing`);
    const stopping = async () => {
      await metrics?.close();
      await executor?.stop();
      await (await getLlmRouter()).flush();
      await handle.close();
    };
    stopping()
      .catch((error: unknown) => console.error("candlefish: unclean shutdown", error))
      .finally(() => process.exit(0));
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
