"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { inputClassName } from "@/components/ui/text-field";

export function ApiKeysPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  const [name, setName] = useState("");
  const [revealed, setRevealed] = useState<string | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: async (created) => {
        setRevealed(created.key);
        setName("");
        await invalidate();
      },
    }),
  );
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSuccess: invalidate }));

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name });
  }

  return (
    <Card className="space-y-4">
      <h2 className="text-base font-semibold">API keys</h2>
      <form onSubmit={submit} className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor="api-key-name" className="sr-only">
          Key name
        </label>
        <input
          id="api-key-name"
          className={inputClassName}
          placeholder="Name, e.g. CI pipeline"
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={80}
          required
        />
        <Button type="submit" disabled={create.isPending || !name.trim()}>
          Create key
        </Button>
      </form>
      {create.error ? <p role="alert" className="text-sm text-red-600">{create.error.message}</p> : null}
      {revealed ? (
        <div className="rounded-md bg-amber-50 p-3 text-sm dark:bg-amber-950" role="status">
          <p className="font-medium">Copy this key now: it is not shown again.</p>
          <code className="mt-2 block break-all font-mono" data-testid="new-api-key">
            {revealed}
          </code>
        </div>
      ) : null}
      {keys.isLoading ? <p className="text-sm text-zinc-500">Loading keys…</p> : null}
      {keys.error ? <p role="alert" className="text-sm text-red-600">Could not load keys: {keys.error.message}</p> : null}
      {keys.data && keys.data.length === 0 ? <p className="text-sm text-zinc-500">No keys yet.</p> : null}
      {keys.data && keys.data.length > 0 ? (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="api-key-list">
          {keys.data.map((key) => (
            <li key={key.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>
                <span className="font-medium">{key.name}</span> <code className="text-zinc-500">{key.prefix}…</code>
              </span>
              <span className="flex items-center gap-2">
                {key.revokedAt ? (
                  <StatusBadge tone="danger">revoked</StatusBadge>
                ) : (
                  <>
                    <span className="text-xs text-zinc-500">
                      {key.lastUsedAt ? `last used ${key.lastUsedAt.toLocaleString()}` : "never used"}
                    </span>
                    <Button variant="secondary" onClick={() => revoke.mutate({ id: key.id })} disabled={revoke.isPending}>
                      Revoke
                    </Button>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
