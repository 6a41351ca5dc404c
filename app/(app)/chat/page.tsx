import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Chat" };

export default function ChatPage() {
  return (
    <>
      <PageHeader title="Chat" description="Ask the agent about your workbooks and business systems." />
      <EmptyState
        testId="chat-empty"
        title="No conversations yet"
        description="The agent arrives with the agent release: it will answer from your workbooks' models and connectors, with every tool call shown."
      />
    </>
  );
}
