import type { DatabaseHandle } from "@/db/database";
import { env } from "@/env";
import { inngestConnection, inngestSigningKey } from "@/inngest/client";
import { startEmbeddedExecutor, type EmbeddedExecutor, type EmbeddedExecutorOptions } from "@/inngest/executor/start";

/**
 * Starts the embedded executor as the environment configures it, or does nothing (returns undefined) when
 * INNGEST_BASE_URL / INNGEST_DEV select a real Inngest server. For the server process and worker scripts.
 */
export async function startExecutorFromEnv(
  handle: DatabaseHandle,
  overrides: Partial<EmbeddedExecutorOptions> = {},
): Promise<EmbeddedExecutor | undefined> {
  if (inngestConnection.kind !== "embedded") return undefined;
  return startEmbeddedExecutor({
    db: handle.db,
    serveUrl: inngestConnection.serveUrl,
    signingKey: inngestSigningKey,
    nodeEnv: env.NODE_ENV,
    allowDevInProduction: env.INNGEST_ALLOW_DEV_IN_PRODUCTION,
    releaseLeasesOnStart: handle.driver === "pglite",
    ...overrides,
  });
}
