"use client";

import type { ChatMessage, ToolCallView } from "@/components/chat/chat-types";
import { Markdown } from "@/components/chat/markdown";
import { ToolCallCard } from "@/components/chat/tool-call-card";

interface ToolCallMetadata {
  toolCalls?: { id: string; name: string; input: Record<string, unknown> }[];
  toolIds?: Record<string, string>;
  model?: string;
  costUsd?: number;
  failed?: boolean;
}

export function MessageList({
  messages,
  draft,
  pendingApprovals,
  onDecide,
  deciding,
  runWaiting,
}: {
  messages: ChatMessage[];
  draft: string;
  pendingApprovals: Set<string>;
  onDecide: (callId: string, approved: boolean) => void;
  deciding: boolean;
  /** The run waits for an event: its unanswered tool calls are waiting for the user's approval. */
  runWaiting: boolean;
}) {
  const results = new Map(messages.filter((message) => message.role === "tool").map((message) => [String(message.metadata.toolCallId), message]));
  return (
    <ol className="space-y-4" aria-live="polite" data-testid="message-list">
      {messages
        .filter((message) => message.role === "user" || message.role === "assistant")
        .map((message) => {
          if (message.role === "user") {
            return (
              <li key={message.id} className="flex justify-end">
                <div className="max-w-[85%] whitespace-pre-wrap rounded-lg bg-brand-600 px-3 py-2 text-sm text-white" data-testid="user-message">
                  {message.content}
                </div>
              </li>
            );
          }
          const metadata = message.metadata as ToolCallMetadata;
          const calls: ToolCallView[] = (metadata.toolCalls ?? []).map((call) => ({
            id: call.id,
            toolId: metadata.toolIds?.[call.id] ?? call.name,
            input: call.input,
            result: results.get(call.id),
            awaitingApproval: (pendingApprovals.has(call.id) || runWaiting) && !results.has(call.id),
          }));
          return (
            <li key={message.id} className="space-y-2" data-testid="assistant-message">
              {message.content ? (
                <div className={`rounded-lg px-3 py-2 ${metadata.failed ? "bg-red-50 dark:bg-red-950/40" : "bg-white dark:bg-zinc-900"}`}>
                  <Markdown>{message.content}</Markdown>
                </div>
              ) : null}
              {calls.map((call) => (
                <ToolCallCard key={call.id} call={call} deciding={deciding} onDecide={(approved) => onDecide(call.id, approved)} />
              ))}
              {metadata.model ? (
                <p className="text-xs text-zinc-500" data-testid="answer-meta">
                  {metadata.model} · ${(metadata.costUsd ?? 0).toFixed(4)}
                </p>
              ) : null}
            </li>
          );
        })}
      {draft ? (
        <li className="rounded-lg bg-white px-3 py-2 dark:bg-zinc-900" data-testid="streaming-draft">
          <Markdown>{draft}</Markdown>
        </li>
      ) : null}
    </ol>
  );
}
