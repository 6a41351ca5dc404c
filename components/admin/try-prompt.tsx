"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { formatUsd } from "@/components/admin/format";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClassName } from "@/components/ui/text-field";

/** Shows which model the policy would pick for a prompt, why, and the estimated cost; nothing is sent. */
export function TryPrompt() {
  const trpc = useTRPC();
  const [prompt, setPrompt] = useState("");
  const [tools, setTools] = useState(0);
  const [maxCost, setMaxCost] = useState("");
  const preview = useMutation(trpc.llm.tryPrompt.mutationOptions());

  function submit(event: FormEvent) {
    event.preventDefault();
    preview.mutate({ prompt, tools, attachments: 0, maxCost: maxCost ? Number(maxCost) : undefined });
  }

  return (
    <Card className="space-y-3">
      <h2 className="text-base font-semibold">Try a prompt</h2>
      <form onSubmit={submit} className="space-y-2">
        <label htmlFor="try-prompt" className="sr-only">
          Prompt
        </label>
        <textarea id="try-prompt" className={`${inputClassName} min-h-24`} value={prompt} onChange={(event) => setPrompt(event.target.value)} placeholder="Paste a prompt to see where it would go" required />
        <div className="flex flex-wrap items-end gap-3 text-sm">
          <label className="flex flex-col gap-1">
            Tools offered
            <input type="number" min={0} max={50} className={`${inputClassName} w-24`} value={tools} onChange={(event) => setTools(Number(event.target.value))} />
          </label>
          <label className="flex flex-col gap-1">
            maxCost (USD, optional)
            <input type="number" min={0} step="0.01" className={`${inputClassName} w-32`} value={maxCost} onChange={(event) => setMaxCost(event.target.value)} />
          </label>
          <Button type="submit" disabled={preview.isPending || !prompt.trim()} data-testid="try-prompt-submit">
            Route it
          </Button>
        </div>
      </form>
      {preview.error ? <p role="alert" className="text-sm text-red-600">{preview.error.message}</p> : null}
      {preview.data ? (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="try-prompt-result">
          <dt className="text-zinc-500">Model</dt>
          <dd className="font-medium">{preview.data.refusal ? `refused: ${preview.data.refusal.message}` : preview.data.model}</dd>
          <dt className="text-zinc-500">Tier</dt>
          <dd>{preview.data.tier}{preview.data.complexity ? ` (score ${preview.data.complexity.score})` : ""}</dd>
          <dt className="text-zinc-500">Estimated cost</dt>
          <dd>
            {preview.data.estimatedCostUsd === null ? "—" : formatUsd(preview.data.estimatedCostUsd)} for ~{preview.data.estimatedInputTokens} input and up to {preview.data.maxOutputTokens} output tokens (cap {formatUsd(preview.data.costCapUsd)})
          </dd>
          <dt className="text-zinc-500">Fallbacks</dt>
          <dd>{preview.data.fallbacks.join(" → ") || "none"}</dd>
          <dt className="text-zinc-500">Why</dt>
          <dd>{preview.data.reason}</dd>
        </dl>
      ) : null}
    </Card>
  );
}
