import "server-only";
import { collectDefaultMetrics, Registry } from "prom-client";

const globalForMetrics = globalThis as unknown as { candlefishMetrics?: Registry };

/**
 * The one Prometheus registry of the app, served at /api/metrics. Modules add their metrics to it with
 * `getOrCreateMetric` so that hot reloads and repeated imports do not register a name twice.
 */
export function getMetricsRegistry(): Registry {
  if (!globalForMetrics.candlefishMetrics) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    globalForMetrics.candlefishMetrics = registry;
  }
  return globalForMetrics.candlefishMetrics;
}

export function getOrCreateMetric<T>(name: string, create: (registry: Registry) => T): T {
  const registry = getMetricsRegistry();
  return (registry.getSingleMetric(name) as T | undefined) ?? create(registry);
}

/**
 * A label value from a closed set: every distinct label value is a new time series held in memory forever, so
 * values a tenant can choose (model names, endpoint ids) are mapped onto known ones or `fallback` first.
 */
export function boundLabel(value: string, known: ReadonlySet<string>, fallback = "other"): string {
  return known.has(value) ? value : fallback;
}
