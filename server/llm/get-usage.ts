import "server-only";
import { z } from "zod";
import type { Database } from "@/db/database";
import { checkRange } from "@/server/llm/build-cost-dashboard";
import { monthStart } from "@/server/llm/spend-tracker";
import { usageByProviderModel } from "@/server/llm/usage-report-repository";

export const usageQuerySchema = z.object({
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

/** Cost and tokens grouped by provider and model, with totals, for the usage API. */
export async function getUsage(db: Database, organisationId: string, query: z.infer<typeof usageQuerySchema>, now = new Date()) {
  const range = checkRange({ organisationId, from: query.from ?? monthStart(now), to: query.to ?? now });
  const groups = await usageByProviderModel(db, range);
  const total = groups.reduce(
    (sum, group) => ({
      calls: sum.calls + group.calls,
      costUsd: sum.costUsd + group.costUsd,
      inputTokens: sum.inputTokens + group.inputTokens,
      outputTokens: sum.outputTokens + group.outputTokens,
      cacheReadTokens: sum.cacheReadTokens + group.cacheReadTokens,
      cacheWriteTokens: sum.cacheWriteTokens + group.cacheWriteTokens,
    }),
    { calls: 0, costUsd: 0, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 },
  );
  return { from: range.from.toISOString(), to: range.to.toISOString(), groups, total };
}
