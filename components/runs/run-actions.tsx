"use client";

import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";

/** Cancel (while the run is active) and re-run (always) buttons for one run. */
export function RunActions({ runId, active }: { runId: string; active: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.runs.pathKey() });
  const cancel = useMutation(trpc.runs.cancel.mutationOptions({ onSuccess: refresh }));
  const rerun = useMutation(
    trpc.runs.rerun.mutationOptions({
      onSuccess: async ({ runId: newRunId }) => {
        await refresh();
        router.push(`/runs/${newRunId}`);
      },
    }),
  );
  const error = cancel.error ?? rerun.error;
  return (
    <div className="flex items-center gap-2">
      {error ? <span role="alert" className="text-sm text-red-600">{error.message}</span> : null}
      {active ? (
        <Button variant="danger" onClick={() => cancel.mutate({ id: runId })} disabled={cancel.isPending} data-testid="run-cancel">
          Cancel
        </Button>
      ) : null}
      <Button variant="secondary" onClick={() => rerun.mutate({ id: runId })} disabled={rerun.isPending} data-testid="run-rerun">
        Re-run
      </Button>
    </div>
  );
}
