import "server-only";
import { env } from "@/env";

const DETAIL_LIMIT = 500;

/**
 * What an upstream HTTP status means, in a few words. Upstream bodies are never shown to callers: a URL the
 * tenant entered could point at a service whose error pages hold secrets. This is what callers see instead.
 */
export function describeUpstreamStatus(status: number): string {
  if (status === 401) return "authentication failed";
  if (status === 403) return "permission denied";
  if (status === 404) return "not found";
  if (status === 408) return "timed out";
  if (status === 409) return "conflict";
  if (status === 413) return "request too large";
  if (status === 429) return "rate limited";
  if (status >= 500) return "upstream error";
  if (status === 400 || status === 422) return "invalid request";
  return "request refused";
}

/** Logs what an upstream said, at debug level only, bounded and on one line, for the operator's eyes. */
export function logUpstreamDetail(source: string, status: number | undefined, detail: unknown): void {
  if (env.LOG_LEVEL !== "debug") return;
  const text = (typeof detail === "string" ? detail : JSON.stringify(detail) ?? String(detail)).replace(/\s+/g, " ").slice(0, DETAIL_LIMIT);
  console.debug(`${source}: upstream ${status ?? "-"}: ${text}`);
}
