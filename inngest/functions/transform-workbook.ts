import { type Inngest, NonRetriableError } from "inngest";
import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { workbookTransformRequested } from "@/inngest/events";
import { getStorage } from "@/server/storage/get-storage";
import { generateWorkbookApps } from "@/server/workbooks/generate-workbook-apps";
import {
  analyseWorkbookStep,
  compileWorkbookStep,
  isPermanentLoadFailure,
  markWorkbookFailed,
  markWorkbookReady,
  parseWorkbookStep,
  type TransformTarget,
} from "@/server/workbooks/transform-steps";

async function target(organisationId: string, workbookId: string): Promise<TransformTarget> {
  return { db: await getDb(), storage: getStorage(), organisationId, workbookId };
}

/**
 * Unreadable files (corrupt, encrypted, not a spreadsheet, a zip bomb) will not improve on retry: the run
 * fails at once with the loader's reason, and is not retried into the same failure (or crash).
 */
async function permanently<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isPermanentLoadFailure(error)) throw new NonRetriableError(error.message, { cause: error });
    throw error;
  }
}

/** A workbook upload is parsed, analysed, compiled (fidelity measured) and generated into apps, each a memoized step. */
export function createTransformWorkbookFunction(client: Inngest) {
  return client.createFunction(
    {
      id: "workbook-transform",
      name: "Transform workbook",
      triggers: [workbookTransformRequested],
      retries: 3,
      concurrency: { key: "event.data.workbookId", limit: 1 },
      onFailure: async ({ event, error, step }) => {
        const { organisationId, workbookId } = event.data.event.data;
        await step.run("record-failure", async () => markWorkbookFailed({ db: await getDb(), organisationId, workbookId }, error.message));
      },
    },
    async ({ event, step }) => {
      const { organisationId, workbookId } = event.data;
      const parsed = await step.run("parse", async () => permanently(async () => parseWorkbookStep(await target(organisationId, workbookId))));
      const analysed = await step.run("analyse", async () => permanently(async () => analyseWorkbookStep(await target(organisationId, workbookId))));
      const compiled = await step.run("compile", async () => permanently(async () => compileWorkbookStep(await target(organisationId, workbookId))));
      const generated = await step.run("generate", async () => {
        const downloads = await generateWorkbookApps(await target(organisationId, workbookId));
        return { frameworks: downloads.projects.map((project) => project.framework), preview: downloads.preview !== null, error: downloads.error ?? downloads.previewError ?? null, timings: downloads.timings };
      });
      await step.run("finish", async () => markWorkbookReady(await target(organisationId, workbookId)));
      return { ...parsed, analysis: analysed, fidelity: { matched: compiled.matched, total: compiled.total, skipped: compiled.skipped }, unknownFunctions: compiled.unknownFunctions, generated };
    },
  );
}

export const transformWorkbook = createTransformWorkbookFunction(inngest);
