import { inArray, sql } from "drizzle-orm";
import { durableFunctions } from "@/db/schema";
import type { RegisteredFunction } from "@/inngest/executor/function-config";
import type { Queryable } from "@/inngest/executor/queryable";

/** Registered functions, cached per database for a second so event intake does not query them every time. */
const cache = new WeakMap<object, { at: number; functions: RegisteredFunction[] }>();
const CACHE_MS = 1000;

export async function saveFunctions(db: Queryable, appId: string, functions: RegisteredFunction[]): Promise<void> {
  if (functions.length === 0) return;
  await db
    .insert(durableFunctions)
    .values(functions.map((fn) => ({ id: fn.id, appId, name: fn.name, url: fn.url, config: fn.config, updatedAt: new Date() })))
    .onConflictDoUpdate({
      target: durableFunctions.id,
      set: {
        appId: sql`excluded.app_id`,
        name: sql`excluded.name`,
        url: sql`excluded.url`,
        config: sql`excluded.config`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
}

export function forgetCachedFunctions(db: Queryable): void {
  cache.delete(db);
}

export async function listFunctions(db: Queryable): Promise<RegisteredFunction[]> {
  const cached = cache.get(db);
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.functions;
  const rows = await db.select().from(durableFunctions);
  const functions = rows.map((row) => ({ id: row.id, name: row.name, url: row.url, config: row.config as RegisteredFunction["config"] }));
  cache.set(db, { at: Date.now(), functions });
  return functions;
}

export async function findFunctions(db: Queryable, ids: string[]): Promise<Map<string, RegisteredFunction>> {
  const all = await listFunctions(db);
  const found = new Map(all.filter((fn) => ids.includes(fn.id)).map((fn) => [fn.id, fn]));
  if (found.size === new Set(ids).size || ids.length === 0) return found;
  const rows = await db.select().from(durableFunctions).where(inArray(durableFunctions.id, ids));
  return new Map(rows.map((row) => [row.id, { id: row.id, name: row.name, url: row.url, config: row.config as RegisteredFunction["config"] }]));
}
