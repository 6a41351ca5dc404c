import "server-only";
import type { WorkbookDownloads } from "@/db/schema";
import { analyseWorkbook } from "@/lib/excel/analyse/analyse-workbook";
import type { SourceFiles } from "@/lib/excel/generate/collect-engine-files";
import { FRAMEWORKS, GenerateError, generateProject } from "@/lib/excel/generate/generate-project";
import { readGeneratorSources } from "@/lib/excel/generate/read-generator-sources";
import { writeZip } from "@/server/storage/write-zip";
import { bundlePreview } from "@/server/workbooks/bundle-preview";
import { loadWorkbookVersion } from "@/server/workbooks/load-workbook-version";
import type { TransformTarget } from "@/server/workbooks/transform-steps";
import { findWorkbook, updateWorkbook } from "@/server/workbooks/workbook-repository";

const globalForSources = globalThis as unknown as { candlefishGeneratorSources?: Promise<SourceFiles> };

/** The engine sources and templates the generator copies, read once from the running checkout. */
function generatorSources(): Promise<SourceFiles> {
  globalForSources.candlefishGeneratorSources ??= readGeneratorSources(process.cwd());
  return globalForSources.candlefishGeneratorSources;
}

/** `Loan Model (2024)` -> `loan-model-2024`: the download's file name and a safe storage key segment. */
export function downloadSlug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "workbook";
}

function elapsed(since: number): number {
  return Math.round(performance.now() - since);
}

/**
 * Step "generate": the React, Vue and Angular projects, each stored as a zip, and the live preview (the
 * React project bundled into one HTML document), recorded on the workbook row as its downloads.
 * A workbook too large to generate gets no downloads and says why; it is still usable otherwise.
 */
export async function generateWorkbookApps(target: TransformTarget, sources?: SourceFiles): Promise<WorkbookDownloads> {
  const { workbook, bytes, version } = await loadWorkbookVersion(target.db, target.storage, target.organisationId, target.workbookId);
  const name = (await findWorkbook(target.db, target.organisationId, target.workbookId))?.name ?? "Workbook";
  const slug = downloadSlug(name);
  const prefix = `${target.organisationId}/workbooks/${target.workbookId}/v${version}`;
  const analysis = analyseWorkbook(workbook, { bytes });
  const generatorFiles = sources ?? (await generatorSources());
  const downloads: WorkbookDownloads = { version, projects: [], preview: null, timings: { generateMs: 0, zipMs: 0, previewMs: 0 } };
  let reactFiles: Map<string, string> | undefined;
  for (const framework of FRAMEWORKS) {
    let started = performance.now();
    let files: Map<string, string>;
    try {
      files = generateProject(workbook, { framework, sources: generatorFiles, title: name, analysis });
    } catch (error) {
      if (!(error instanceof GenerateError && error.code === "too_large")) throw error;
      downloads.error = error.message;
      break;
    }
    downloads.timings.generateMs += elapsed(started);
    if (framework === "react") reactFiles = files;
    started = performance.now();
    const folder = `${slug}-${framework}`;
    const zip = writeZip(new Map([...files].map(([path, content]) => [`${folder}/${path}`, content])));
    const storageKey = `${prefix}/${folder}.zip`;
    await target.storage.put(storageKey, zip);
    downloads.timings.zipMs += elapsed(started);
    downloads.projects.push({ framework, storageKey, fileName: `${folder}.zip`, sizeBytes: zip.byteLength });
  }
  if (reactFiles) {
    const started = performance.now();
    try {
      const preview = await bundlePreview(reactFiles, name);
      const html = new TextEncoder().encode(preview.html);
      const storageKey = `${prefix}/preview.html`;
      await target.storage.put(storageKey, html);
      downloads.preview = { storageKey, sizeBytes: html.byteLength, scriptSha256: preview.scriptSha256 };
    } catch (error) {
      downloads.previewError = `The live preview could not be built: ${error instanceof Error ? error.message : String(error)}`;
    }
    downloads.timings.previewMs = elapsed(started);
  }
  await updateWorkbook(target.db, target.organisationId, target.workbookId, { downloads });
  return downloads;
}
