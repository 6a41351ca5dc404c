"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useDeferredValue, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { buttonClassName } from "@/components/ui/button";
import { inputClassName } from "@/components/ui/text-field";

export function ConversationSidebar() {
  const trpc = useTRPC();
  const pathname = usePathname();
  const [search, setSearch] = useState("");
  const deferred = useDeferredValue(search);
  const conversations = useQuery(trpc.chat.list.queryOptions({ search: deferred || undefined }));
  return (
    <aside className="flex w-full flex-col gap-3 lg:w-64 lg:shrink-0" aria-label="Conversations">
      <Link href="/chat" className={buttonClassName("primary")} data-testid="new-chat">
        New chat
      </Link>
      <label htmlFor="conversation-search" className="sr-only">
        Search conversations
      </label>
      <input id="conversation-search" className={inputClassName} placeholder="Search conversations" value={search} onChange={(event) => setSearch(event.target.value)} />
      {conversations.isLoading ? <p className="text-xs text-zinc-500">Loading…</p> : null}
      {conversations.error ? <p role="alert" className="text-xs text-red-600">{conversations.error.message}</p> : null}
      {conversations.data?.length === 0 ? <p className="text-xs text-zinc-500">{deferred ? "No conversation matches." : "No conversations yet."}</p> : null}
      <ul className="space-y-1" data-testid="conversation-list">
        {conversations.data?.map((conversation) => {
          const active = pathname === `/chat/${conversation.id}`;
          return (
            <li key={conversation.id}>
              <Link
                href={`/chat/${conversation.id}`}
                aria-current={active ? "page" : undefined}
                className={`block truncate rounded-md px-3 py-2 text-sm ${active ? "bg-zinc-200 dark:bg-zinc-800" : "hover:bg-zinc-100 dark:hover:bg-zinc-900"}`}
              >
                {conversation.title}
              </Link>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
