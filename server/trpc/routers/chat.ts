import "server-only";
import { z } from "zod";
import { AppError } from "@/server/errors/app-error";
import { getChatDependencies, sendRunCancellation, sendToolDecision } from "@/server/chat/chat-dependencies";
import { decideToolCall, toolDecisionSchema } from "@/server/chat/decide-tool-call";
import { findActiveAgentRun } from "@/server/chat/find-active-agent-run";
import { chatMessageSchema, sendChatMessage } from "@/server/chat/send-chat-message";
import { findConversation, listConversations } from "@/server/memory/conversation-repository";
import { listLatestMessages } from "@/server/memory/message-repository";
import { createTRPCRouter, protectedProcedure, runStartingProcedure } from "@/server/trpc/init";

const conversationInput = z.object({ conversationId: z.string().min(1) });

export const chatRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.object({ search: z.string().trim().max(200).optional() }))
    .query(({ ctx, input }) => listConversations(ctx.db, ctx.caller.organisationId, input.search || undefined)),
  get: protectedProcedure.input(conversationInput).query(async ({ ctx, input }) => {
    const conversation = await findConversation(ctx.db, ctx.caller.organisationId, input.conversationId);
    if (!conversation) throw new AppError("not_found", "No such conversation in your organisation.");
    const [messages, activeRun] = await Promise.all([
      listLatestMessages(ctx.db, ctx.caller.organisationId, conversation.id, 200),
      findActiveAgentRun(ctx.db, ctx.caller.organisationId, conversation.id),
    ]);
    return { conversation, messages, activeRun: activeRun ?? null };
  }),
  send: runStartingProcedure.input(chatMessageSchema).mutation(async ({ ctx, input }) => sendChatMessage(await getChatDependencies(), ctx.caller, input)),
  retry: runStartingProcedure.input(conversationInput).mutation(async ({ ctx, input }) => {
    const messages = await listLatestMessages(ctx.db, ctx.caller.organisationId, input.conversationId, 50);
    const lastQuestion = [...messages].reverse().find((message) => message.role === "user");
    if (!lastQuestion) throw new AppError("bad_request", "There is no question to retry in this conversation.");
    return sendChatMessage(await getChatDependencies(), ctx.caller, { conversationId: input.conversationId, content: lastQuestion.content });
  }),
  decide: protectedProcedure.input(toolDecisionSchema).mutation(({ ctx, input }) => decideToolCall({ db: ctx.db, sendToolDecision }, ctx.caller, input)),
  stop: protectedProcedure.input(conversationInput).mutation(async ({ ctx, input }) => {
    if (!(await findConversation(ctx.db, ctx.caller.organisationId, input.conversationId))) throw new AppError("not_found", "No such conversation in your organisation.");
    await sendRunCancellation({ organisationId: ctx.caller.organisationId, conversationId: input.conversationId });
  }),
});
