import type { WorkbookFidelity } from "@/db/schema/workbooks";

function show(value: unknown): string {
  if (value === null) return "(blank)";
  if (typeof value === "object" && value && "error" in value) return String((value as { error: string }).error);
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** Each formula cell's value cached in the file next to ours; mismatches first and highlighted. */
export function FidelityReport({ fidelity }: { fidelity: WorkbookFidelity }) {
  const share = fidelity.total === 0 ? 100 : (fidelity.matched / fidelity.total) * 100;
  return (
    <section aria-labelledby="fidelity-heading" data-testid="fidelity-report">
      <h2 id="fidelity-heading" className="text-base font-semibold">
        Fidelity
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        <span data-testid="fidelity-summary">
          {fidelity.matched} of {fidelity.total} formula cells ({share.toFixed(1)}%) compute exactly the value Excel saved
        </span>
        {fidelity.skipped > 0 ? `; ${fidelity.skipped} skipped (volatile, external links or no saved value)` : ""}.
      </p>
      {fidelity.cells.length > 0 ? (
        <div className="mt-3 max-h-96 overflow-auto rounded-md border border-zinc-200 dark:border-zinc-800">
          <table className="w-full text-left text-sm">
            <thead className="sticky top-0 bg-zinc-100 text-xs uppercase text-zinc-500 dark:bg-zinc-800">
              <tr>
                <th scope="col" className="px-3 py-2">Cell</th>
                <th scope="col" className="px-3 py-2">Formula</th>
                <th scope="col" className="px-3 py-2">Excel</th>
                <th scope="col" className="px-3 py-2">Candlefish</th>
              </tr>
            </thead>
            <tbody>
              {fidelity.cells.map((cell) => (
                <tr key={cell.ref} className={cell.matches ? "" : "bg-red-50 dark:bg-red-950/40"} data-matches={cell.matches}>
                  <td className="px-3 py-1.5 font-mono text-xs">{cell.ref}</td>
                  <td className="max-w-xs truncate px-3 py-1.5 font-mono text-xs" title={cell.formula}>
                    {cell.formula}
                  </td>
                  <td className="px-3 py-1.5">{show(cell.cached)}</td>
                  <td className={`px-3 py-1.5 ${cell.matches ? "" : "font-semibold text-red-700 dark:text-red-300"}`}>{show(cell.computed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
