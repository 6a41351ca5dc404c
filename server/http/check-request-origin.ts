import "server-only";
import { env, type Env } from "@/env";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;

/**
 * The origins the browser UI is served from: AUTH_URL's when set, otherwise this port on loopback (how
 * `npm start` is opened). Configuration only, never a request header, so no request can widen it.
 */
export function appOrigins(config: Pick<Env, "AUTH_URL" | "PORT"> = env): string[] {
  if (config.AUTH_URL) return [new URL(config.AUTH_URL).origin];
  return ["localhost", "127.0.0.1", "[::1]"].map((host) => `http://${host}:${config.PORT}`);
}

function originOf(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

/**
 * Cross-site request forgery guard for routes that authenticate by the session cookie: a state-changing
 * request carrying that cookie must come from a page of this app (Origin, or Referer when a browser sends no
 * Origin). Returns why the request is refused, or undefined. Routes authenticated by API keys never read the
 * cookie and do not call this; the Inngest serve route is authenticated by its request signature.
 */
export function findCrossSiteRefusal(request: Pick<Request, "method" | "headers">, allowed: readonly string[] = appOrigins()): string | undefined {
  if (!STATE_CHANGING.has(request.method.toUpperCase())) return undefined;
  if (!SESSION_COOKIE.test(request.headers.get("cookie") ?? "")) return undefined;
  // An opaque origin ("null": sandboxed frames, privacy redirects) is refused, not replaced by the Referer.
  const declared = request.headers.get("origin");
  const origin = declared === null ? originOf(request.headers.get("referer")) : originOf(declared);
  if (origin && allowed.includes(origin)) return undefined;
  return `This request did not come from a page of this app (origin ${origin ?? "missing or opaque"}); changes are accepted only from ${allowed.join(", ")}. If that is not where you opened the app, set AUTH_URL to its address.`;
}
