import type { Env } from "@/env";

/**
 * Where Inngest traffic goes. A real server when INNGEST_BASE_URL or INNGEST_DEV is set; otherwise the embedded
 * executor, reached through the app's own origin (`/api/inngest/e/:key` for events, `/fn/register` for syncs).
 *
 * `serveUrl` is the serve endpoint the functions are registered at. It is fixed here, once, from the
 * configuration and never from a request's Host or X-Forwarded-Host, so no request can re-point the functions:
 * the embedded executor calls its own process over loopback; a real Inngest server calls INNGEST_SERVE_ORIGIN,
 * else AUTH_URL's origin, else loopback.
 */
export const SERVE_PATH = "/api/inngest";

export type InngestConnection =
  | { kind: "server"; baseUrl?: string; serveUrl: string; isDev: boolean }
  | { kind: "embedded"; baseUrl: string; serveUrl: string; isDev: false };

type ConnectionEnv = Pick<Env, "INNGEST_BASE_URL" | "INNGEST_DEV" | "INNGEST_SERVE_ORIGIN" | "AUTH_URL" | "PORT">;

export function resolveInngestConnection(env: ConnectionEnv): InngestConnection {
  const dev = env.INNGEST_DEV && !["0", "false"].includes(env.INNGEST_DEV.toLowerCase());
  const loopback = `http://127.0.0.1:${env.PORT}`;
  if (env.INNGEST_BASE_URL || dev) {
    const devOrigin = dev && /^https?:\/\//.test(env.INNGEST_DEV ?? "") ? env.INNGEST_DEV : undefined;
    const origin = originOf(env.INNGEST_SERVE_ORIGIN) ?? originOf(env.AUTH_URL) ?? loopback;
    return { kind: "server", baseUrl: env.INNGEST_BASE_URL ?? devOrigin, serveUrl: `${origin}${SERVE_PATH}`, isDev: Boolean(dev) };
  }
  // The embedded executor always signs its requests (see signing-key.ts), so it never runs in dev mode.
  return { kind: "embedded", baseUrl: `${loopback}${SERVE_PATH}/`, serveUrl: `${loopback}${SERVE_PATH}`, isDev: false };
}

/** The options `serve()` needs so that syncs report `serveUrl` whatever the request says, and are signed outside dev. */
export function serveOptionsFor(connection: InngestConnection) {
  const url = new URL(connection.serveUrl);
  return { serveOrigin: url.origin, servePath: url.pathname, enableUnauthedSync: connection.isDev };
}

function originOf(url: string | undefined): string | undefined {
  return url ? new URL(url).origin : undefined;
}
