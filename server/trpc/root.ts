import "server-only";
import { accountRouter } from "@/server/trpc/routers/account";
import { apiKeysRouter } from "@/server/trpc/routers/api-keys";
import { workbooksRouter } from "@/server/trpc/routers/workbooks";
import { createCallerFactory, createTRPCRouter } from "@/server/trpc/init";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  apiKeys: apiKeysRouter,
  workbooks: workbooksRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
