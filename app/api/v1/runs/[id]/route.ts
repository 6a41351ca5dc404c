/**
 * GET /api/v1/runs/{id}: a durable run of the caller's organisation with its steps.
 * 200 `{ id, functionId, status, steps: [{ id, name, status, attempts, startedAt, endedAt, error? }], output?, error? }`; 404 otherwise.
 */
import { z } from "zod";
import { AppError } from "@/server/errors/app-error";
import { withApiKey } from "@/server/http/with-api-key";
import { getRunOrThrow } from "@/server/runs/get-run";

const paramsSchema = z.object({ id: z.string().min(1).max(100) });

export const GET = withApiKey<{ id: string }>(async (_request, { caller, db, params }) => {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw new AppError("bad_request", "The run id is not valid.");
  const run = await getRunOrThrow(db, caller, parsed.data.id);
  return Response.json({
    id: run.id,
    functionId: run.functionId,
    status: run.status,
    steps: run.steps.map(({ id, name, status, attempts, startedAt, endedAt, error }) => ({ id, name, status, attempts, startedAt, endedAt, ...(error ? { error } : {}) })),
    ...("output" in run ? { output: run.output } : {}),
    ...(run.error ? { error: run.error } : {}),
  });
});
