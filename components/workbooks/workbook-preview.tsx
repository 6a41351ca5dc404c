/**
 * The generated app, live: its own bundle in an iframe sandboxed to scripts only (an opaque origin, so it
 * can reach neither this page nor the session), recalculating in the browser as inputs change.
 */
export function WorkbookPreview({ url, title }: { url: string; title: string }) {
  return (
    <section aria-labelledby="preview-heading" className="space-y-3">
      <h2 id="preview-heading" className="text-base font-semibold">
        Live preview
      </h2>
      <iframe
        src={url}
        title={`Live preview of ${title}`}
        sandbox="allow-scripts"
        referrerPolicy="no-referrer"
        className="h-[36rem] w-full rounded-md border border-zinc-200 bg-white dark:border-zinc-800"
        data-testid="workbook-preview"
      />
    </section>
  );
}
