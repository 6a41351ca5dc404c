import type { Env } from "@/env";

/**
 * Where Inngest traffic goes. A real server when INNGEST_BASE_URL or INNGEST_DEV is set; otherwise the embedded
 * executor, reached through the app's own origin (`/api/inngest/e/:key` for events, `/fn/register` for syncs).
 */
export type InngestConnection =
  | { kind: "server"; baseUrl?: string; isDev: boolean }
  | { kind: "embedded"; baseUrl: string; serveUrl: string; isDev: boolean };

export function resolveInngestConnection(env: Pick<Env, "INNGEST_BASE_URL" | "INNGEST_DEV" | "INNGEST_SIGNING_KEY" | "PORT">): InngestConnection {
  const dev = env.INNGEST_DEV && !["0", "false"].includes(env.INNGEST_DEV.toLowerCase());
  if (env.INNGEST_BASE_URL || dev) {
    const devOrigin = dev && /^https?:\/\//.test(env.INNGEST_DEV ?? "") ? env.INNGEST_DEV : undefined;
    return { kind: "server", baseUrl: env.INNGEST_BASE_URL ?? devOrigin, isDev: Boolean(dev) };
  }
  const origin = `http://127.0.0.1:${env.PORT}`;
  // The embedded executor always signs its requests (see signing-key.ts), so it never runs in dev mode.
  return { kind: "embedded", baseUrl: `${origin}/api/inngest/`, serveUrl: `${origin}/api/inngest`, isDev: false };
}
