import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * Request signing as the SDK verifies it: `X-Inngest-Signature: t=<unix seconds>&s=<hex HMAC-SHA256>` over the
 * JCS-canonical body followed by `t`, keyed with the signing key minus its `signkey-<env>-` prefix.
 */
const PREFIX = /^signkey-\w+-/;

export function signBody(canonicalBody: string, signingKey: string, now: Date): string {
  const t = Math.floor(now.getTime() / 1000).toString();
  const s = createHmac("sha256", signingKey.replace(PREFIX, "")).update(canonicalBody + t).digest("hex");
  return `t=${t}&s=${s}`;
}

/** The bearer token the SDK sends when syncing: the prefix followed by SHA-256 of the hex-decoded key. */
export function hashSigningKey(signingKey: string): string {
  const prefix = PREFIX.exec(signingKey)?.[0] ?? "";
  return prefix + createHash("sha256").update(Buffer.from(signingKey.replace(PREFIX, ""), "hex")).digest("hex");
}

export function bearerMatchesSigningKey(authorization: string | null, signingKey: string): boolean {
  const expected = Buffer.from(`Bearer ${hashSigningKey(signingKey)}`);
  const actual = Buffer.from(authorization ?? "");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** RFC 8785 (JCS) serialisation of JSON values: object keys sorted, no whitespace. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? "null" : canonicalJson(item))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined && typeof item !== "function")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
}
