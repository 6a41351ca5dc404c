import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Why `/api/metrics` refuses a request, or undefined when it may be served. Without a configured token the
 * route serves nobody: the metrics are then only on the loopback listener (`METRICS_PORT`), which decides by
 * the socket it is bound to, never by a header a caller could forge.
 */
export function refuseMetricsRequest(request: Request, token: string | undefined): Response | undefined {
  if (!token) {
    return Response.json(
      { error: { code: "not_found", message: "Metrics are served on the loopback listener only; set METRICS_TOKEN to scrape them here." } },
      { status: 404 },
    );
  }
  const header = request.headers.get("authorization") ?? "";
  const presented = header.toLowerCase().startsWith("bearer ") ? header.slice(7).trim() : "";
  if (presented && timingSafeEqual(digest(presented), digest(token))) return undefined;
  return Response.json(
    { error: { code: "unauthorized", message: "Send the metrics token as `Authorization: Bearer <METRICS_TOKEN>`." } },
    { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } },
  );
}
