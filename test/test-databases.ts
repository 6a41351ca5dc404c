import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import postgres from "postgres";
import * as schema from "@/db/schema";
import type { DatabaseHandle } from "@/db/database";
import { MIGRATIONS_FOLDER } from "@/db/migrations-folder";
import { openPostgres } from "@/db/open-postgres";
import { env } from "@/env";

/**
 * The databases integration tests run against: in-memory PGlite always, and a fresh database on the real
 * PostgreSQL server named by TEST_DATABASE_URL when it is set (dropped again by `close`).
 */
export interface TestDatabaseTarget {
  name: "pglite" | "postgres";
  open(): Promise<DatabaseHandle>;
}

async function openPglite(): Promise<DatabaseHandle> {
  const client = await PGlite.create();
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db,
    driver: "pglite",
    ping: async () => {
      await client.query("select 1");
    },
    close: () => client.close(),
  };
}

/** A new, empty database on the PostgreSQL server at `serverUrl`: its URL, and `drop` to remove it again. */
export async function createFreshPostgresDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `cf_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function openFreshPostgres(serverUrl: string): Promise<DatabaseHandle> {
  const database = await createFreshPostgresDatabase(serverUrl);
  const handle = await openPostgres(database.url, { maxConnections: 5 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await database.drop();
    },
  };
}

export const testDatabases: TestDatabaseTarget[] = [
  { name: "pglite", open: openPglite },
  ...(env.TEST_DATABASE_URL
    ? [{ name: "postgres" as const, open: () => openFreshPostgres(env.TEST_DATABASE_URL as string) }]
    : []),
];
