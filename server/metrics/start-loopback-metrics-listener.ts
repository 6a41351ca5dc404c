import "server-only";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { collectMetrics } from "@/server/metrics/collect-metrics";

export interface MetricsListener {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `GET /metrics` on 127.0.0.1 only: the socket decides who may read, so no header can widen it. Used
 * when no METRICS_TOKEN is configured (a Prometheus on the same host or in the same pod scrapes it). A port
 * already taken is reported and skipped: metrics are never a reason for the app not to start.
 */
export async function startLoopbackMetricsListener(port: number): Promise<MetricsListener | undefined> {
  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    if (request.method !== "GET" || (path !== "/metrics" && path !== "/api/metrics")) {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not found: GET /metrics\n");
      return;
    }
    collectMetrics()
      .then(({ body, contentType }) => response.writeHead(200, { "content-type": contentType }).end(body))
      .catch((error: unknown) => {
        console.error("metrics: collection failed", error);
        response.writeHead(500, { "content-type": "text/plain" }).end("Metrics collection failed.\n");
      });
  });
  const listening = await new Promise<boolean>((resolve) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      console.warn(`candlefish: metrics listener not started on 127.0.0.1:${port} (${error.code ?? error.message})`);
      resolve(false);
    });
    server.listen(port, "127.0.0.1", () => resolve(true));
  });
  if (!listening) return undefined;
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
