import type { ReactNode } from "react";

export function EmptyState({ title, description, action, testId }: { title: string; description: ReactNode; action?: ReactNode; testId?: string }) {
  return (
    <div
      className="flex flex-col items-center justify-center rounded-lg border border-dashed border-zinc-300 px-6 py-16 text-center dark:border-zinc-700"
      data-testid={testId ?? "empty-state"}
    >
      <h2 className="text-base font-semibold">{title}</h2>
      <div className="mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">{description}</div>
      {action ? <div className="mt-6">{action}</div> : null}
    </div>
  );
}
