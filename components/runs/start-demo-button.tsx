"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";

/** Sends the demo event so the Runs view has a live run to show. */
export function StartDemoButton() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const start = useMutation(
    trpc.runs.startDemo.mutationOptions({
      onSuccess: () => setTimeout(() => void queryClient.invalidateQueries({ queryKey: trpc.runs.list.queryKey() }), 300),
    }),
  );
  return (
    <div className="flex items-center gap-2">
      {start.error ? <span role="alert" className="text-sm text-red-600">{start.error.message}</span> : null}
      <Button onClick={() => start.mutate({ name: "Candlefish" })} disabled={start.isPending} data-testid="runs-start-demo">
        {start.isPending ? "Starting…" : "Start demo run"}
      </Button>
    </div>
  );
}
