import "server-only";
import { findPrimaryMembership, listMembers } from "@/server/accounts/organisation-repository";
import { findUserById } from "@/server/accounts/user-repository";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";

export const accountRouter = createTRPCRouter({
  me: protectedProcedure.query(async ({ ctx }) => {
    const user = await findUserById(ctx.db, ctx.caller.userId);
    const membership = await findPrimaryMembership(ctx.db, ctx.caller.userId);
    return {
      id: ctx.caller.userId,
      email: user?.email ?? "",
      name: user?.name ?? null,
      role: ctx.caller.role,
      organisation: { id: ctx.caller.organisationId, name: membership?.organisationName ?? "" },
    };
  }),
  members: protectedProcedure.query(({ ctx }) => listMembers(ctx.db, ctx.caller.organisationId)),
});
