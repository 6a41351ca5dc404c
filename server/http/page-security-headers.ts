import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "@/env";
import { buildContentSecurityPolicy } from "@/server/http/build-content-security-policy";

const OAUTH_FORM_TARGETS = [
  ...(env.AUTH_GITHUB_ID ? ["https://github.com"] : []),
  ...(env.AUTH_GOOGLE_ID ? ["https://accounts.google.com"] : []),
];

/**
 * Served over https: AUTH_URL says so, or the request's protocol does (Next sets X-Forwarded-Proto from the
 * socket unless a proxy in front already did). A client forging the header only changes its own response,
 * and browsers ignore Strict-Transport-Security received over plain http.
 */
export function isServedOverHttps(headers: Headers): boolean {
  if (env.AUTH_URL) return new URL(env.AUTH_URL).protocol === "https:";
  return headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/** A fresh nonce, the page's policy built around it, and HSTS when served over https. */
export function createPageSecurityHeaders(requestHeaders: Headers): { nonce: string; policy: string; hsts: string | undefined } {
  const nonce = randomBytes(16).toString("base64");
  const https = isServedOverHttps(requestHeaders);
  const policy = buildContentSecurityPolicy({ nonce, development: env.NODE_ENV === "development", https, formTargets: OAUTH_FORM_TARGETS });
  return { nonce, policy, hsts: https ? "max-age=31536000; includeSubDomains" : undefined };
}
