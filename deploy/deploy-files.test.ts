import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";

/** What the deploy files publish: only the app may face the network; internal services stay internal. */
const deployDir = path.dirname(fileURLToPath(import.meta.url));
const read = (file: string) => fs.readFileSync(path.join(deployDir, file), "utf8");
const kubernetesFiles = fs.readdirSync(path.join(deployDir, "kubernetes"));

type ComposeService = { ports?: Array<string | { published?: string | number; host_ip?: string }>; secrets?: string[]; environment?: Record<string, string> };
const compose = parse(read("compose.yaml")) as { services: Record<string, ComposeService>; secrets?: Record<string, { environment?: string }> };

/** Host addresses a service's ports are published on ("0.0.0.0" when the short syntax names none). */
function publishedOn(service: ComposeService): string[] {
  return (service.ports ?? []).map((port) => {
    if (typeof port !== "string") return port.host_ip ?? "0.0.0.0";
    const parts = port.split(":");
    return parts.length === 3 ? parts[0]! : "0.0.0.0";
  });
}

describe("deploy/compose.yaml", () => {
  it("publishes only the app; Postgres and Redis not at all, the Inngest and Prometheus dashboards on loopback only", () => {
    const open = Object.entries(compose.services).filter(([, service]) => publishedOn(service).some((host) => host !== "127.0.0.1"));
    expect(open.map(([name]) => name)).toEqual(["app"]);
    expect(compose.services.postgres?.ports).toBeUndefined();
    expect(compose.services.redis?.ports).toBeUndefined();
    for (const name of ["inngest", "prometheus"]) expect(publishedOn(compose.services[name]!), name).toEqual(["127.0.0.1"]);
  });

  it("gives the app a metrics token and Prometheus the same token to send", () => {
    expect(compose.services.app?.environment?.METRICS_TOKEN).toMatch(/^\$\{METRICS_TOKEN:\?/);
    expect(compose.secrets?.metrics_token?.environment).toBe("METRICS_TOKEN");
    expect(compose.services.prometheus?.secrets).toContain("metrics_token");
    const prometheus = parse(read("prometheus/prometheus.yml")) as { scrape_configs: Array<{ metrics_path: string; authorization?: { type: string; credentials_file: string } }> };
    const job = prometheus.scrape_configs.find((config) => config.metrics_path === "/api/metrics");
    expect(job?.authorization).toEqual({ type: "Bearer", credentials_file: "/run/secrets/metrics_token" });
  });
});

describe("deploy/kubernetes and Kong", () => {
  it("expose no pod or service outside the cluster except through Kong, which never forwards /api/metrics", () => {
    const documents = kubernetesFiles.flatMap((file) => parseAllDocuments(read(`kubernetes/${file}`)).map((document) => document.toJSON() as { kind: string; spec?: Record<string, unknown> }));
    for (const service of documents.filter((document) => document.kind === "Service")) expect(service.spec?.type ?? "ClusterIP").toBe("ClusterIP");
    const text = kubernetesFiles.map((file) => read(`kubernetes/${file}`)).join("\n");
    expect(text).not.toMatch(/hostPort|hostNetwork|NodePort|LoadBalancer/);

    const kong = parse(read("kong/kong.yaml")) as { services: Array<{ routes: Array<{ paths: string[]; plugins?: Array<{ name: string; config?: { status_code?: number } }> }> }> };
    const metricsRoute = kong.services.flatMap((service) => service.routes).find((route) => route.paths.includes("/api/metrics"));
    expect(metricsRoute?.plugins).toEqual([expect.objectContaining({ name: "request-termination", config: expect.objectContaining({ status_code: 404 }) })]);
  });

  it("build an image that exposes only the app's port and keeps DATA_DIR private to the app's user", () => {
    const dockerfile = read("Dockerfile");
    expect([...dockerfile.matchAll(/^EXPOSE\s+(.+)$/gm)].map((match) => match[1]!.trim())).toEqual(["3000"]);
    expect(dockerfile).toMatch(/mkdir -m 0700 \/app\/\.data && chown candlefish \/app\/\.data/);
  });
});
