import { buttonClassName } from "@/components/ui/button";

const FRAMEWORK_LABELS = { react: "React", vue: "Vue", angular: "Angular" } as const;

interface DownloadLink {
  framework: keyof typeof FRAMEWORK_LABELS;
  fileName: string;
  sizeBytes: number;
  url: string;
}

/** One button per generated project: a standalone Vite (React, Vue) or Angular CLI app as a zip. */
export function WorkbookDownloads({ projects, error }: { projects: readonly DownloadLink[]; error: string | null }) {
  return (
    <section aria-labelledby="downloads-heading" className="space-y-3" data-testid="workbook-downloads">
      <h2 id="downloads-heading" className="text-base font-semibold">
        Download the app
      </h2>
      {projects.length > 0 ? (
        <div className="flex flex-wrap gap-2">
          {projects.map((project) => (
            <a
              key={project.framework}
              href={project.url}
              download={project.fileName}
              className={buttonClassName("secondary")}
              data-testid={`download-${project.framework}`}
            >
              {FRAMEWORK_LABELS[project.framework]} project
              <span className="text-xs text-zinc-500">{Math.max(1, Math.round(project.sizeBytes / 1024))} KB</span>
            </a>
          ))}
        </div>
      ) : null}
      {error ? (
        <p role="note" className="text-sm text-amber-700 dark:text-amber-300" data-testid="downloads-error">
          {error}
        </p>
      ) : null}
      {projects.length > 0 ? (
        <p className="text-xs text-zinc-500">Each project installs and builds on its own: unzip it, then run npm install and npm run build.</p>
      ) : null}
    </section>
  );
}
