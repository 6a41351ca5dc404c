import os from "node:os";
import { afterAll, describe, expect, it, vi } from "vitest";

/** The metrics route as Prometheus and an outsider meet it: the token decides, never a header like X-Forwarded-For. */
const TOKEN = "metrics-token-for-tests-0123456789";
const get = (headers: Record<string, string> = {}) => new Request("http://app.test/api/metrics", { headers });

async function importRoute(token: string | undefined) {
  vi.resetModules();
  if (token) process.env.METRICS_TOKEN = token;
  else delete process.env.METRICS_TOKEN;
  return import("@/app/api/metrics/route");
}

describe("GET /api/metrics with METRICS_TOKEN", () => {
  it("refuses callers without the token, with a wrong one, or claiming to be local", async () => {
    const { GET } = await importRoute(TOKEN);
    const attempts: Array<Record<string, string>> = [{}, { authorization: "Bearer wrong-token-wrong-token" }, { authorization: TOKEN }, { "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1" }];
    for (const headers of attempts) {
      const response = await GET(get(headers));
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await response.text()).not.toContain("llm_");
    }
  });

  it("serves the metrics to the bearer of the token", async () => {
    const { GET } = await importRoute(TOKEN);
    const response = await GET(get({ authorization: `Bearer ${TOKEN}` }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const body = await response.text();
    expect(body).toContain("# TYPE llm_tokens_total counter");
    expect(body).toContain("process_cpu_user_seconds_total");
  });
});

describe("metrics without METRICS_TOKEN", () => {
  const listeners: Array<{ close(): Promise<void> }> = [];
  afterAll(async () => {
    await Promise.all(listeners.map((listener) => listener.close()));
  });

  it("are not served on the app's port to anyone, whatever the headers say", async () => {
    const { GET } = await importRoute(undefined);
    const response = await GET(get({ "x-forwarded-for": "127.0.0.1", host: "localhost" }));
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toMatch(/METRICS_TOKEN/);
  });

  it("are served by a listener bound to loopback only", async () => {
    await importRoute(undefined);
    const { startLoopbackMetricsListener } = await import("@/server/metrics/start-loopback-metrics-listener");
    const listener = await startLoopbackMetricsListener(0);
    expect(listener).toBeDefined();
    listeners.push(listener!);
    expect(listener!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${listener!.url}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("# TYPE llm_cost_dollars counter");
    expect((await fetch(`${listener!.url}/other`)).status).toBe(404);

    const port = new URL(listener!.url).port;
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((address) => address && address.family === "IPv4" && !address.internal);
    if (external) await expect(fetch(`http://${external.address}:${port}/metrics`)).rejects.toThrow();
  });

  it("skip the listener, without failing, when its port is taken", async () => {
    await importRoute(undefined);
    const { startLoopbackMetricsListener } = await import("@/server/metrics/start-loopback-metrics-listener");
    const first = await startLoopbackMetricsListener(0);
    listeners.push(first!);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await expect(startLoopbackMetricsListener(Number(new URL(first!.url).port))).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/EADDRINUSE/));
    warn.mockRestore();
  });
});
