"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import type { ChatMessage } from "@/components/chat/chat-types";
import { Composer } from "@/components/chat/composer";
import { MessageList } from "@/components/chat/message-list";
import { useConversationStream } from "@/components/chat/use-conversation-stream";
import { useTRPC } from "@/components/providers/trpc";

export function ChatView({ conversationId }: { conversationId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const conversation = useQuery(trpc.chat.get.queryOptions({ conversationId }));
  const refetch = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.chat.get.queryKey({ conversationId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.chat.list.queryKey() });
  };
  const live = useConversationStream(conversationId, Boolean(conversation.data?.activeRun), refetch);
  const send = useMutation(trpc.chat.send.mutationOptions({ onSuccess: refetch }));
  const retry = useMutation(trpc.chat.retry.mutationOptions({ onSuccess: refetch }));
  const stop = useMutation(trpc.chat.stop.mutationOptions({ onSuccess: refetch }));
  const decide = useMutation(trpc.chat.decide.mutationOptions());

  const messages = useMemo(() => {
    const byId = new Map<string, ChatMessage>((conversation.data?.messages ?? []).map((message) => [message.id, message]));
    for (const [id, message] of live.messages) byId.set(id, message);
    return [...byId.values()].sort((a, b) => a.seq - b.seq);
  }, [conversation.data?.messages, live.messages]);

  if (conversation.isLoading) return <p className="text-sm text-zinc-500">Loading conversation…</p>;
  if (conversation.error) return <p role="alert" className="text-sm text-red-600">{conversation.error.message}</p>;
  const running = live.running || send.isPending;
  const lastFailed = messages.at(-1)?.metadata.failed === true;
  return (
    <div className="flex h-full min-h-[60vh] flex-col gap-4">
      <h1 className="text-lg font-semibold">{conversation.data?.conversation.title}</h1>
      <div className="flex-1 overflow-y-auto">
        <MessageList
          messages={messages}
          draft={live.draft}
          pendingApprovals={live.pendingApprovals}
          runWaiting={conversation.data?.activeRun?.status === "waiting"}
          deciding={decide.isPending}
          onDecide={(toolCallId, approved) => decide.mutate({ conversationId, toolCallId, approved })}
        />
        {running && !live.draft ? (
          <p className="mt-3 animate-pulse text-sm text-zinc-500" data-testid="agent-working">
            Working…
          </p>
        ) : null}
        {live.error ? (
          <p role="alert" className="mt-3 text-sm text-red-600">
            {live.error}
          </p>
        ) : null}
        {send.error ? (
          <p role="alert" className="mt-3 text-sm text-red-600">
            {send.error.message}
          </p>
        ) : null}
      </div>
      <Composer
        running={running}
        sending={send.isPending}
        canRetry={lastFailed || Boolean(live.error)}
        onSend={(content) => send.mutate({ conversationId, content })}
        onStop={() => stop.mutate({ conversationId })}
        onRetry={() => retry.mutate({ conversationId })}
      />
    </div>
  );
}
