import { text, timestamp } from "drizzle-orm/pg-core";

/** Columns many tables share, declared once. */
export const uuidPrimaryKey = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());

export const createdAt = () => timestamp("created_at", { mode: "date" }).notNull().defaultNow();
