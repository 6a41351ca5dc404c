import "server-only";
import { accountRouter } from "@/server/trpc/routers/account";
import { apiKeysRouter } from "@/server/trpc/routers/api-keys";
import { chatRouter } from "@/server/trpc/routers/chat";
import { llmRouter } from "@/server/trpc/routers/llm";
import { runsRouter } from "@/server/trpc/routers/runs";
import { workbooksRouter } from "@/server/trpc/routers/workbooks";
import { createCallerFactory, createTRPCRouter } from "@/server/trpc/init";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  apiKeys: apiKeysRouter,
  chat: chatRouter,
  llm: llmRouter,
  runs: runsRouter,
  workbooks: workbooksRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
