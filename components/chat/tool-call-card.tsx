"use client";

import { useState } from "react";
import type { ToolCallView } from "@/components/chat/chat-types";
import { Button } from "@/components/ui/button";
import { StatusBadge, type BadgeTone } from "@/components/ui/status-badge";

const TONES: Record<string, BadgeTone> = { succeeded: "success", failed: "danger", denied: "warning", running: "info", "needs approval": "warning" };

export function ToolCallCard({ call, onDecide, deciding }: { call: ToolCallView; onDecide: (approved: boolean) => void; deciding: boolean }) {
  const [open, setOpen] = useState(false);
  const metadata = call.result?.metadata ?? {};
  const status = call.awaitingApproval ? "needs approval" : String(metadata.status ?? "running");
  return (
    <div className="rounded-md border border-zinc-200 bg-zinc-50 text-sm dark:border-zinc-700 dark:bg-zinc-900" data-testid="tool-call-card" data-tool={call.toolId} data-status={status}>
      <button type="button" className="flex w-full items-center justify-between gap-2 px-3 py-2 text-left" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="font-mono text-xs">{call.toolId}</span>
        <span className="flex items-center gap-2 text-xs text-zinc-500">
          {typeof metadata.durationMs === "number" ? <span>{metadata.durationMs} ms</span> : null}
          {typeof metadata.costUsd === "number" && metadata.costUsd > 0 ? <span>${metadata.costUsd.toFixed(4)}</span> : null}
          <StatusBadge tone={TONES[status] ?? "neutral"}>{status}</StatusBadge>
        </span>
      </button>
      {call.awaitingApproval ? (
        <div className="flex flex-wrap items-center gap-2 border-t border-zinc-200 px-3 py-2 dark:border-zinc-700">
          <span className="text-xs">This action changes data outside Candlefish. Allow it?</span>
          <Button onClick={() => onDecide(true)} disabled={deciding} data-testid="approve-tool">
            Approve
          </Button>
          <Button variant="secondary" onClick={() => onDecide(false)} disabled={deciding} data-testid="deny-tool">
            Deny
          </Button>
        </div>
      ) : null}
      {open ? (
        <div className="space-y-2 border-t border-zinc-200 px-3 py-2 dark:border-zinc-700">
          <p className="text-xs font-medium text-zinc-500">Input</p>
          <pre className="overflow-x-auto rounded bg-white p-2 font-mono text-xs dark:bg-zinc-950">{JSON.stringify(call.input, null, 2)}</pre>
          {call.result ? (
            <>
              <p className="text-xs font-medium text-zinc-500">Output</p>
              <pre className="max-h-64 overflow-auto rounded bg-white p-2 font-mono text-xs dark:bg-zinc-950" data-testid="tool-output">
                {prettyJson(call.result.content)}
              </pre>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
