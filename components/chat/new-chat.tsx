"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Composer } from "@/components/chat/composer";
import { WorkbookChatDrop } from "@/components/chat/workbook-chat-drop";
import { useTRPC } from "@/components/providers/trpc";
import { EmptyState } from "@/components/ui/empty-state";

const EXAMPLES = ["What is the monthly payment on my loan workbook at 6%?", "Which workbooks have I uploaded?"];

export function NewChat() {
  const trpc = useTRPC();
  const router = useRouter();
  const send = useMutation(trpc.chat.send.mutationOptions({ onSuccess: ({ conversationId }) => router.push(`/chat/${conversationId}`) }));
  return (
    <WorkbookChatDrop onUploaded={(content) => send.mutate({ content })}>
      <div className="flex min-h-[60vh] flex-col gap-4">
        <div className="flex-1">
          <EmptyState
            testId="chat-empty"
            title="Ask Candlefish"
            description={
              <>
                The agent answers from your workbooks&apos; models and connected systems, showing every tool it calls. Drop a workbook here to
                turn it into an app. Try: {EXAMPLES.map((example) => `“${example}”`).join(" or ")}
              </>
            }
          />
        </div>
        {send.error ? <p role="alert" className="text-sm text-red-600">{send.error.message}</p> : null}
        <Composer running={false} sending={send.isPending} onSend={(content) => send.mutate({ content })} />
      </div>
    </WorkbookChatDrop>
  );
}
