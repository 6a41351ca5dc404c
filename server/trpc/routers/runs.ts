import "server-only";
import { z } from "zod";
import { RUN_STATUSES } from "@/db/schema";
import { cancelRun } from "@/server/runs/cancel-run";
import { getRunOrThrow } from "@/server/runs/get-run";
import { listRuns } from "@/server/runs/list-runs";
import { rerunRun } from "@/server/runs/rerun-run";
import { startDemoRun } from "@/server/runs/start-demo-run";
import { createTRPCRouter, protectedProcedure, runStartingProcedure } from "@/server/trpc/init";

export const runsRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.object({ limit: z.number().int().min(1).max(100).default(50), before: z.string().datetime().optional(), statuses: z.array(z.enum(RUN_STATUSES)).optional() }))
    .query(({ ctx, input }) => listRuns(ctx.db, ctx.caller, input)),
  get: protectedProcedure.input(z.object({ id: z.string().min(1).max(100) })).query(({ ctx, input }) => getRunOrThrow(ctx.db, ctx.caller, input.id)),
  cancel: protectedProcedure.input(z.object({ id: z.string().min(1).max(100) })).mutation(({ ctx, input }) => cancelRun(ctx.db, ctx.caller, input.id)),
  rerun: runStartingProcedure.input(z.object({ id: z.string().min(1).max(100) })).mutation(({ ctx, input }) => rerunRun(ctx.db, ctx.caller, input.id)),
  startDemo: runStartingProcedure
    .input(z.object({ name: z.string().trim().min(1).max(100).default("Candlefish") }))
    .mutation(({ ctx, input }) => startDemoRun(ctx.caller, input.name)),
});
