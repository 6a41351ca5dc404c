"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClassName } from "@/components/ui/text-field";

const EMPTY = { name: "", kind: "openai" as "openai" | "anthropic", baseUrl: "", apiKey: "", models: "" };

/** Model endpoints added by admins (vLLM, Ollama, another Anthropic or OpenAI account); keys are stored encrypted. */
export function EndpointsPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const endpoints = useQuery(trpc.llm.endpoints.queryOptions());
  const [form, setForm] = useState(EMPTY);
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: trpc.llm.endpoints.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.llm.policy.queryKey() })]);
  const add = useMutation(trpc.llm.addEndpoint.mutationOptions({ onSuccess: async () => { setForm(EMPTY); await refresh(); } }));
  const remove = useMutation(trpc.llm.removeEndpoint.mutationOptions({ onSuccess: refresh }));

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate({
      name: form.name,
      kind: form.kind,
      baseUrl: form.baseUrl.trim() || undefined,
      apiKey: form.apiKey || undefined,
      models: form.models.split(/[\n,]/).map((model) => model.trim()).filter(Boolean),
    });
  }

  return (
    <Card className="space-y-4">
      <h2 className="text-base font-semibold">Model endpoints</h2>
      <form onSubmit={submit} className="grid gap-2 text-sm md:grid-cols-2" data-testid="endpoint-form">
        <input className={inputClassName} aria-label="Endpoint name" placeholder="Name, e.g. Office vLLM" value={form.name} onChange={(event) => setForm({ ...form, name: event.target.value })} required />
        <select className={inputClassName} aria-label="API" value={form.kind} onChange={(event) => setForm({ ...form, kind: event.target.value as typeof form.kind })}>
          <option value="openai">OpenAI-compatible (vLLM, Ollama, Together, OpenAI)</option>
          <option value="anthropic">Anthropic Messages API</option>
        </select>
        <input className={inputClassName} aria-label="Base URL" placeholder="Base URL, e.g. http://gpu-box:8000/v1" value={form.baseUrl} onChange={(event) => setForm({ ...form, baseUrl: event.target.value })} />
        <input className={inputClassName} aria-label="API key" type="password" autoComplete="off" placeholder="API key (optional, stored encrypted)" value={form.apiKey} onChange={(event) => setForm({ ...form, apiKey: event.target.value })} />
        <input className={`${inputClassName} md:col-span-2`} aria-label="Models" placeholder="Models, comma separated, e.g. llama3.1:8b" value={form.models} onChange={(event) => setForm({ ...form, models: event.target.value })} required />
        <div>
          <Button type="submit" disabled={add.isPending}>
            Add endpoint
          </Button>
        </div>
      </form>
      {add.error ? <p role="alert" className="text-sm text-red-600" data-testid="endpoint-error">{add.error.message}</p> : null}
      {endpoints.isLoading ? <p className="text-sm text-zinc-500">Loading endpoints…</p> : null}
      {endpoints.error ? <p role="alert" className="text-sm text-red-600">Could not load endpoints: {endpoints.error.message}</p> : null}
      {endpoints.data?.length === 0 ? <p className="text-sm text-zinc-500">No endpoints added; providers come from the environment only.</p> : null}
      <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800" data-testid="endpoint-list">
        {endpoints.data?.map((endpoint) => (
          <li key={endpoint.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              <span className="font-medium">{endpoint.name}</span> <code className="text-xs text-zinc-500">{endpoint.providerId}</code>
              <span className="block text-xs text-zinc-500">
                {endpoint.kind} · {endpoint.baseUrl ?? "default URL"} · {endpoint.models.join(", ")} · {endpoint.hasApiKey ? "key stored" : "no key"}
              </span>
            </span>
            <Button variant="secondary" onClick={() => remove.mutate({ id: endpoint.id })} disabled={remove.isPending}>
              Remove
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
