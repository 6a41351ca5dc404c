import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "@/db/schema";

/** The Drizzle database, whichever driver is behind it (PGlite in-process, or postgres-js over the network). */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  /** "postgres" for a server (real PostgreSQL or the embedded database's socket), "pglite" in-process. */
  driver: "postgres" | "pglite";
  /** Runs a trivial query; throws when the database is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
