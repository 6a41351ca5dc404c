import "server-only";
import { z } from "zod";
import { buildCostDashboard } from "@/server/llm/build-cost-dashboard";
import { exportCallsCsv } from "@/server/llm/export-calls-csv";
import { getLlmRouter } from "@/server/llm/get-llm-router";
import { addEndpoint, addEndpointSchema, listEndpoints, removeEndpoint } from "@/server/llm/llm-endpoints";
import { previewRoute } from "@/server/llm/preview-route";
import { DEFAULT_POLICY, llmPolicySchema } from "@/server/llm/routing-policy";
import { updatePolicy } from "@/server/llm/update-policy";
import { getSecretKey } from "@/server/secrets/get-secret-key";
import { getOutboundGuard } from "@/server/security/get-outbound-guard";
import { adminProcedure, createTRPCRouter } from "@/server/trpc/init";

const rangeSchema = z.object({ from: z.date(), to: z.date() });

/** The admin's view of the LLM router: cost dashboard, CSV export, "try a prompt", policy and endpoints. */
export const llmRouter = createTRPCRouter({
  dashboard: adminProcedure.input(rangeSchema).query(async ({ ctx, input }) => {
    const router = await getLlmRouter();
    const policy = await router.getPolicy(ctx.caller.organisationId);
    return buildCostDashboard(ctx.db, { organisationId: ctx.caller.organisationId, ...input }, policy);
  }),
  exportCsv: adminProcedure.input(rangeSchema).mutation(({ ctx, input }) => exportCallsCsv(ctx.db, { organisationId: ctx.caller.organisationId, ...input })),
  tryPrompt: adminProcedure
    .input(z.object({ prompt: z.string().trim().min(1).max(100_000), maxCost: z.number().positive().max(1000).optional(), tools: z.number().int().min(0).max(50).default(0), attachments: z.number().int().min(0).max(50).default(0) }))
    .mutation(async ({ ctx, input }) => previewRoute(await getLlmRouter(), ctx.caller, input)),
  policy: adminProcedure.query(async ({ ctx }) => {
    const router = await getLlmRouter();
    const [policy, providers] = await Promise.all([router.getPolicy(ctx.caller.organisationId), router.getProviders(ctx.caller.organisationId)]);
    return { policy, defaultPolicy: DEFAULT_POLICY, providers: [...providers.values()].map((provider) => ({ id: provider.id, label: provider.label })) };
  }),
  updatePolicy: adminProcedure.input(llmPolicySchema).mutation(async ({ ctx, input }) => {
    const policy = await updatePolicy(ctx.db, ctx.caller, input);
    (await getLlmRouter()).invalidate(ctx.caller.organisationId);
    return policy;
  }),
  endpoints: adminProcedure.query(({ ctx }) => listEndpoints(ctx.db, ctx.caller.organisationId)),
  addEndpoint: adminProcedure.input(addEndpointSchema).mutation(async ({ ctx, input }) => {
    const endpoint = await addEndpoint(ctx.db, getSecretKey(), ctx.caller.organisationId, input, getOutboundGuard());
    (await getLlmRouter()).invalidate(ctx.caller.organisationId);
    return endpoint;
  }),
  removeEndpoint: adminProcedure.input(z.object({ id: z.string().min(1) })).mutation(async ({ ctx, input }) => {
    await removeEndpoint(ctx.db, ctx.caller.organisationId, input.id);
    (await getLlmRouter()).invalidate(ctx.caller.organisationId);
  }),
});
