import path from "node:path";
import { env } from "@/env";
import type { Database, DatabaseHandle } from "@/db/database";
import { openEmbedded } from "@/db/open-embedded";
import { openPostgres } from "@/db/open-postgres";

/**
 * The process-wide database: PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite under DATA_DIR.
 * Opening applies pending migrations, so the first call on start brings the schema up to date.
 */
export function openDatabase(options: { url?: string; dataDir: string }): Promise<DatabaseHandle> {
  return options.url ? openPostgres(options.url) : openEmbedded(options.dataDir);
}

const globalForDb = globalThis as unknown as { candlefishDb?: Promise<DatabaseHandle> };

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  globalForDb.candlefishDb ??= openDatabase({ url: env.DATABASE_URL, dataDir: path.resolve(env.DATA_DIR) }).catch(
    (error: unknown) => {
      globalForDb.candlefishDb = undefined;
      throw error;
    },
  );
  return globalForDb.candlefishDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}
