import type { Field, WorkbookAnalysis } from "@/lib/excel/analyse/types";

function FieldList({ title, fields, testId }: { title: string; fields: readonly Field[]; testId: string }) {
  return (
    <div>
      <h3 className="text-sm font-semibold">
        {title} ({fields.length})
      </h3>
      <ul className="mt-1 space-y-0.5 text-sm" data-testid={testId}>
        {fields.slice(0, 30).map((field) => (
          <li key={field.ref} className="flex justify-between gap-2">
            <span>{field.label || field.ref}</span>
            <span className="font-mono text-xs text-zinc-500">
              {field.ref} · {field.type}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What the analysis found: the future app's inputs and outputs, its pages, and what it cannot carry over. */
export function AnalysisSummary({ analysis }: { analysis: Record<string, unknown> }) {
  // Stored as JSON by the transformation's "analyse" step.
  const view = analysis as unknown as WorkbookAnalysis;
  return (
    <section aria-labelledby="analysis-heading" className="space-y-4" data-testid="analysis-summary">
      <h2 id="analysis-heading" className="text-base font-semibold">
        Analysis
      </h2>
      <div className="grid gap-6 md:grid-cols-2">
        <FieldList title="Inputs" fields={view.inputs} testId="analysis-inputs" />
        <FieldList title="Outputs" fields={view.outputs} testId="analysis-outputs" />
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {view.formulaCount} formulas · pages: {view.pages.map((page) => page.name).join(", ") || "none"}
      </p>
      {view.unsupported.length > 0 ? (
        <div role="note" className="rounded-md bg-amber-50 p-3 text-sm dark:bg-amber-950/40">
          <p className="font-medium">Not carried over</p>
          <ul className="mt-1 list-disc pl-5">
            {view.unsupported.map((feature, index) => (
              <li key={index}>
                {feature.kind}: {feature.detail}
                {feature.cells.length ? ` (${feature.cells.slice(0, 5).join(", ")}${feature.cells.length > 5 ? "…" : ""})` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
