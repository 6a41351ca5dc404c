import "server-only";
import { z } from "zod";
import { env } from "@/env";
import { AppError } from "@/server/errors/app-error";
import { createTRPCRouter, protectedProcedure } from "@/server/trpc/init";
import { describeDownloads } from "@/server/workbooks/read-workbook-download";
import { findWorkbook, findWorkbookVersion, listWorkbooks } from "@/server/workbooks/workbook-repository";

export const workbooksRouter = createTRPCRouter({
  limits: protectedProcedure.query(() => ({ maxUploadBytes: env.MAX_UPLOAD_MB * 1024 * 1024 })),
  list: protectedProcedure.query(async ({ ctx }) => {
    const rows = await listWorkbooks(ctx.db, ctx.caller.organisationId);
    return rows.map((row) => ({ id: row.id, name: row.name, status: row.status, version: row.currentVersion, fidelity: row.fidelity, error: row.error, updatedAt: row.updatedAt }));
  }),
  get: protectedProcedure.input(z.object({ id: z.string().min(1) })).query(async ({ ctx, input }) => {
    const row = await findWorkbook(ctx.db, ctx.caller.organisationId, input.id);
    if (!row) throw new AppError("not_found", "No such workbook in your organisation.");
    const version = await findWorkbookVersion(ctx.db, row.id, row.currentVersion);
    const { downloads: _stored, ...workbook } = row;
    return { ...workbook, file: version ? { fileName: version.fileName, sizeBytes: version.sizeBytes, format: version.format } : null, downloads: describeDownloads(row, "/api/workbooks") };
  }),
});
