import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "@/db/schema/auth";
import { organisations } from "@/db/schema/organisations";
import { createdAt, uuidPrimaryKey } from "@/db/schema/columns";

export const WORKBOOK_STATUSES = ["queued", "processing", "ready", "failed"] as const;
export type WorkbookStatus = (typeof WORKBOOK_STATUSES)[number];

export interface WorkbookFidelity {
  matched: number;
  total: number;
  skipped: number;
  /** Mismatches first; capped, for the report on the workbook page. */
  cells: { ref: string; formula: string; cached: unknown; computed: unknown; matches: boolean }[];
}

/** The generated projects (one zip per framework) and the live preview, stored for the workbook's current version. */
export interface WorkbookDownloads {
  version: number;
  projects: { framework: "react" | "vue" | "angular"; storageKey: string; fileName: string; sizeBytes: number }[];
  preview: { storageKey: string; sizeBytes: number; scriptSha256: string } | null;
  /** Why no app could be generated (too large), or why the preview could not be built. */
  error?: string;
  previewError?: string;
  timings: { generateMs: number; zipMs: number; previewMs: number };
}

/** An uploaded workbook; each re-upload adds a version and transforms it again. */
export const workbooks = pgTable(
  "workbook",
  {
    id: uuidPrimaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    currentVersion: integer("current_version").notNull().default(1),
    status: text("status", { enum: WORKBOOK_STATUSES }).notNull().default("queued"),
    error: text("error"),
    analysis: jsonb("analysis").$type<Record<string, unknown>>(),
    fidelity: jsonb("fidelity").$type<WorkbookFidelity>(),
    downloads: jsonb("downloads").$type<WorkbookDownloads>(),
    eventId: text("event_id"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { mode: "date" }).notNull().defaultNow(),
  },
  (workbook) => [index("workbook_organisation_updated_idx").on(workbook.organisationId, workbook.updatedAt)],
);

export const workbookVersions = pgTable(
  "workbook_version",
  {
    id: uuidPrimaryKey(),
    workbookId: text("workbook_id")
      .notNull()
      .references(() => workbooks.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    fileName: text("file_name").notNull(),
    format: text("format").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    storageKey: text("storage_key").notNull(),
    createdAt: createdAt(),
  },
  (version) => [uniqueIndex("workbook_version_unique").on(version.workbookId, version.version)],
);
