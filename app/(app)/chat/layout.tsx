import type { ReactNode } from "react";
import { ConversationSidebar } from "@/components/chat/conversation-sidebar";

export default function ChatLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex flex-col gap-6 lg:flex-row">
      <ConversationSidebar />
      <section className="min-w-0 flex-1">{children}</section>
    </div>
  );
}
