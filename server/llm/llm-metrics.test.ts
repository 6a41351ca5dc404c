import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPricedModels } from "@/server/llm/price-table";
import { getMetricsRegistry } from "@/server/metrics/metrics-registry";
import { openRouterFixture, type RouterFixture } from "@/test/fakes/router-fixture";
import { testDatabases } from "@/test/test-databases";

type Series = { labels: Record<string, string | number> };

async function seriesOf(name: string): Promise<Series[]> {
  const metric = (await getMetricsRegistry().getMetricsAsJSON()).find((entry) => entry.name === name);
  return (metric?.values ?? []) as Series[];
}

/**
 * Every distinct label set is a time series kept in memory for the life of the process. A tenant chooses model
 * names (`openai/<anything>` through the gateway or the agent, any name on an endpoint an admin adds), so those
 * names must not become label values: 40 invented names must not add 40 series.
 */
describe.each(testDatabases)("LLM metric labels on $name", (target) => {
  let fixture: RouterFixture;
  beforeAll(async () => {
    fixture = await openRouterFixture(target);
  });
  afterAll(() => fixture.close());

  it("map tenant-chosen model names onto the price table's families or \"other\"", async () => {
    const router = fixture.createRouter();
    const before = new Set((await seriesOf("llm_request_duration_seconds")).map((series) => JSON.stringify(series.labels)));
    for (let index = 0; index < 40; index += 1) {
      fixture.fakes.openai.enqueue({ text: "ok", usage: { input: 10, output: 2 } });
      await router.routeChat({
        organisationId: fixture.account.organisationId,
        model: `openai/tenant-invented-${index}-${Math.random().toString(36).slice(2)}`,
        messages: [{ role: "user", content: "hi" }],
      });
    }
    fixture.fakes.openai.enqueue({ text: "ok", usage: { input: 10, output: 2 } });
    await router.routeChat({ organisationId: fixture.account.organisationId, model: "openai/gpt-4o-2024-08-06", messages: [{ role: "user", content: "hi" }] });

    const allowedModels = new Set([...listPricedModels(), "other"]);
    for (const name of ["llm_tokens_total", "llm_request_duration_seconds", "llm_cost_dollars"]) {
      for (const series of await seriesOf(name)) {
        expect(allowedModels.has(String(series.labels.model)), `${name} model=${series.labels.model}`).toBe(true);
        expect(["anthropic", "openai", "together", "offline", "endpoint", "other"]).toContain(series.labels.provider);
      }
    }
    const tokens = await seriesOf("llm_tokens_total");
    expect(tokens.filter((series) => series.labels.provider === "openai" && series.labels.model === "other")).toHaveLength(2);
    expect(tokens.some((series) => series.labels.model === "gpt-4o")).toBe(true);
    const added = (await seriesOf("llm_request_duration_seconds")).filter((series) => !before.has(JSON.stringify(series.labels)));
    // A histogram is one series per bucket plus sum and count, for each of the two label sets used above.
    expect(added.length).toBeLessThanOrEqual(2 * 14);
  });
});
