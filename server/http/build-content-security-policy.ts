import "server-only";

export interface PagePolicyOptions {
  /** This response's nonce: the only inline or first-party script that runs carries it. */
  nonce: string;
  /** `next dev` evaluates code and injects styles without nonces; production never needs either. */
  development: boolean;
  /** Served over https: ask the browser to upgrade any stray http subresource. */
  https: boolean;
  /** Where sign-in forms may be sent on to (the configured OAuth providers' authorisation pages). */
  formTargets: readonly string[];
}

/**
 * The Content-Security-Policy of every HTML page, after Next's nonce guide: scripts run only with this
 * response's nonce (Next puts it on its own scripts; 'strict-dynamic' lets them load their chunks), no
 * plugins, no <base> rewriting, no framing of the app. Style attributes stay allowed (charts set widths inline;
 * attributes cannot load anything); style elements need the nonce. The workbook preview is an API route with
 * its own, stricter hash policy.
 */
export function buildContentSecurityPolicy(options: PagePolicyOptions): string {
  const nonce = `'nonce-${options.nonce}'`;
  const directives = [
    "default-src 'self'",
    `script-src 'self' ${nonce} 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    options.development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' ${nonce}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...options.formTargets].join(" "),
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
