"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClassName } from "@/components/ui/text-field";
import type { LlmPolicy, ModelRef } from "@/server/llm/routing-policy";

const TIERS = ["high", "medium", "low"] as const;
const chainToText = (chain: ModelRef[]) => chain.map((ref) => `${ref.provider}/${ref.model}`).join("\n");
const textToChain = (text: string): ModelRef[] =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ provider: line.slice(0, line.indexOf("/")), model: line.slice(line.indexOf("/") + 1) }));
const optionalNumber = (value: string) => (value.trim() === "" ? null : Number(value));

function PolicyForm({ initial, defaultPolicy, providers }: { initial: LlmPolicy; defaultPolicy: LlmPolicy; providers: Array<{ id: string; label: string }> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [policy, setPolicy] = useState(initial);
  const [chains, setChains] = useState(() => Object.fromEntries(TIERS.map((tier) => [tier, chainToText(initial.tiers[tier])])) as Record<(typeof TIERS)[number], string>);
  const save = useMutation(trpc.llm.updatePolicy.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.llm.policy.queryKey() }) }));
  const budgets = policy.budgets;
  const setBudgets = (patch: Partial<LlmPolicy["budgets"]>) => setPolicy({ ...policy, budgets: { ...budgets, ...patch } });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ ...policy, tiers: { high: textToChain(chains.high), medium: textToChain(chains.medium), low: textToChain(chains.low) } });
  }

  return (
    <form onSubmit={submit} className="space-y-4 text-sm" data-testid="policy-form">
      <p className="text-zinc-600 dark:text-zinc-400">
        Configured providers: {providers.map((provider) => `${provider.id} (${provider.label})`).join(", ")}. One model per line as <code>provider/model</code>; the first is preferred, the others are fallbacks.
      </p>
      <div className="grid gap-3 md:grid-cols-3">
        {TIERS.map((tier) => (
          <label key={tier} className="flex flex-col gap-1">
            {tier} complexity
            <textarea className={`${inputClassName} min-h-24 font-mono text-xs`} value={chains[tier]} onChange={(event) => setChains({ ...chains, [tier]: event.target.value })} />
          </label>
        ))}
      </div>
      <div className="grid gap-3 md:grid-cols-4">
        <label className="flex flex-col gap-1">
          Medium from score
          <input type="number" min={1} className={inputClassName} value={policy.complexity.mediumAt} onChange={(event) => setPolicy({ ...policy, complexity: { ...policy.complexity, mediumAt: Number(event.target.value) } })} />
        </label>
        <label className="flex flex-col gap-1">
          High from score
          <input type="number" min={2} className={inputClassName} value={policy.complexity.highAt} onChange={(event) => setPolicy({ ...policy, complexity: { ...policy.complexity, highAt: Number(event.target.value) } })} />
        </label>
        <label className="flex flex-col gap-1">
          Default maxCost per call (USD)
          <input type="number" min={0.0001} step="0.01" className={inputClassName} value={policy.defaultMaxCostUsd} onChange={(event) => setPolicy({ ...policy, defaultMaxCostUsd: Number(event.target.value) })} />
        </label>
        <label className="flex flex-col gap-1">
          High tier needs a cap of at least (USD)
          <input type="number" min={0} step="0.01" className={inputClassName} value={policy.highTierMinMaxCostUsd} onChange={(event) => setPolicy({ ...policy, highTierMinMaxCostUsd: Number(event.target.value) })} />
        </label>
        <label className="flex flex-col gap-1">
          When a call would exceed its cap
          <select className={inputClassName} value={policy.onMaxCostExceeded} onChange={(event) => setPolicy({ ...policy, onMaxCostExceeded: event.target.value as LlmPolicy["onMaxCostExceeded"] })}>
            <option value="downgrade">use a cheaper model</option>
            <option value="refuse">refuse</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Organisation budget per month (USD)
          <input type="number" min={0} step="1" className={inputClassName} value={budgets.organisationMonthlyUsd ?? ""} placeholder="none" onChange={(event) => setBudgets({ organisationMonthlyUsd: optionalNumber(event.target.value) })} data-testid="policy-org-budget" />
        </label>
        <label className="flex flex-col gap-1">
          Per-user budget per month (USD)
          <input type="number" min={0} step="1" className={inputClassName} value={budgets.userMonthlyUsd ?? ""} placeholder="none" onChange={(event) => setBudgets({ userMonthlyUsd: optionalNumber(event.target.value) })} />
        </label>
        <label className="flex flex-col gap-1">
          When a budget is used up
          <select className={inputClassName} value={budgets.onExceeded} onChange={(event) => setBudgets({ onExceeded: event.target.value as LlmPolicy["budgets"]["onExceeded"] })}>
            <option value="downgrade">downgrade to the low tier</option>
            <option value="stop">stop model calls</option>
          </select>
        </label>
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending} data-testid="policy-save">
          Save policy
        </Button>
        <Button variant="secondary" onClick={() => { setPolicy(defaultPolicy); setChains(Object.fromEntries(TIERS.map((tier) => [tier, chainToText(defaultPolicy.tiers[tier])])) as typeof chains); }}>
          Reset to the default
        </Button>
      </div>
      {save.error ? <p role="alert" className="text-red-600">{save.error.message}</p> : null}
      {save.isSuccess ? <p role="status" className="text-emerald-700">Saved. New calls use this policy.</p> : null}
    </form>
  );
}

/** The organisation's routing policy: tiers and fallbacks, complexity thresholds, cost caps and budgets. */
export function PolicyEditor() {
  const trpc = useTRPC();
  const policy = useQuery(trpc.llm.policy.queryOptions());
  return (
    <Card className="space-y-3">
      <h2 className="text-base font-semibold">Routing policy</h2>
      {policy.isLoading ? <p className="text-sm text-zinc-500">Loading policy…</p> : null}
      {policy.error ? <p role="alert" className="text-sm text-red-600">Could not load the policy: {policy.error.message}</p> : null}
      {policy.data ? <PolicyForm key={JSON.stringify(policy.data.policy)} initial={policy.data.policy} defaultPolicy={policy.data.defaultPolicy} providers={policy.data.providers} /> : null}
    </Card>
  );
}
