"use client";

import { useState, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";

export function Composer({
  onSend,
  onStop,
  onRetry,
  running,
  sending,
  canRetry,
}: {
  onSend: (content: string) => void;
  onStop?: () => void;
  onRetry?: () => void;
  running: boolean;
  sending: boolean;
  canRetry?: boolean;
}) {
  const [content, setContent] = useState("");
  function submit(event?: FormEvent) {
    event?.preventDefault();
    const text = content.trim();
    if (!text || running || sending) return;
    onSend(text);
    setContent("");
  }
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      submit();
    }
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-2 border-t border-zinc-200 pt-3 sm:flex-row sm:items-end dark:border-zinc-800">
      <label htmlFor="chat-input" className="sr-only">
        Message
      </label>
      <textarea
        id="chat-input"
        data-testid="chat-input"
        rows={2}
        value={content}
        onChange={(event) => setContent(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Ask about your workbooks… (Enter to send, Shift+Enter for a new line)"
        maxLength={20_000}
        className="min-h-[3rem] flex-1 resize-y rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm focus:border-brand-500 focus:outline-none focus:ring-1 focus:ring-brand-500 dark:border-zinc-700 dark:bg-zinc-900"
      />
      <div className="flex gap-2">
        {running && onStop ? (
          <Button variant="secondary" onClick={onStop} data-testid="stop-run">
            Stop
          </Button>
        ) : null}
        {!running && canRetry && onRetry ? (
          <Button variant="secondary" onClick={onRetry} data-testid="retry-run">
            Retry
          </Button>
        ) : null}
        <Button type="submit" disabled={running || sending || !content.trim()} data-testid="send-message">
          Send
        </Button>
      </div>
    </form>
  );
}
