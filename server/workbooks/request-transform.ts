import "server-only";
import { inngest } from "@/inngest/client";
import { workbookTransformRequested } from "@/inngest/events";

/** Sends `workbook/transform.requested`; the transformation runs as a durable function. */
export async function requestTransform(event: { organisationId: string; workbookId: string }): Promise<string> {
  const { ids } = await inngest.send(workbookTransformRequested.create(event));
  return ids[0] ?? "";
}
