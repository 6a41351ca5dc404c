import "server-only";
import { z } from "zod";
import { listApiKeys } from "@/server/api-keys/api-key-repository";
import { apiKeyNameSchema, createApiKey } from "@/server/api-keys/create-api-key";
import { revokeApiKey } from "@/server/api-keys/revoke-api-key";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";

export const apiKeysRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listApiKeys(ctx.db, ctx.caller.organisationId)),
  create: protectedProcedure
    .input(z.object({ name: apiKeyNameSchema }))
    .mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.caller, input.name)),
  revoke: protectedProcedure
    .input(z.object({ id: z.string().min(1) }))
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, ctx.caller, input.id)),
});
