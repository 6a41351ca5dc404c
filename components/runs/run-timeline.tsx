import { formatDuration, formatJson, formatTime, statusTone } from "@/components/runs/run-format";
import { StatusBadge } from "@/components/ui/status-badge";
import type { StepView } from "@/server/runs/run-views";

/** The run's steps in the order they started: status, attempts, duration, error and output of each. */
export function RunTimeline({ steps }: { steps: StepView[] }) {
  if (steps.length === 0) return <p className="text-sm text-zinc-500">No steps yet.</p>;
  return (
    <ol className="space-y-2" data-testid="run-timeline">
      {steps.map((step) => (
        <li key={step.id} className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800" data-testid="run-step">
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge tone={statusTone(step.status)}>{step.status}</StatusBadge>
            <span className="font-medium">{step.name}</span>
            <span className="font-mono text-xs text-zinc-500">{step.op}</span>
            <span className="ml-auto text-xs text-zinc-500">
              {step.attempts > 1 ? `${step.attempts} attempts · ` : ""}
              {formatTime(step.startedAt)} · {formatDuration(step.durationMs)}
            </span>
          </div>
          {step.error ? (
            <p className="mt-2 text-sm text-red-600">
              {step.error.name}: {step.error.message}
            </p>
          ) : null}
          {"output" in step && step.output !== undefined ? (
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer text-zinc-500">Output</summary>
              <pre className="mt-1 overflow-x-auto rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-800">{formatJson(step.output)}</pre>
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
