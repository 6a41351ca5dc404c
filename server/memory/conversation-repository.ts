import "server-only";
import { and, desc, eq, ilike, isNull, lt, or } from "drizzle-orm";
import type { Database } from "@/db/database";
import { conversations } from "@/db/schema";

export async function insertConversation(db: Database, conversation: typeof conversations.$inferInsert) {
  const [row] = await db.insert(conversations).values(conversation).returning();
  if (!row) throw new Error("insert into conversation returned no row");
  return row;
}

export async function findConversation(db: Database, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, id), eq(conversations.organisationId, organisationId)))
    .limit(1);
  return row;
}

export function listConversations(db: Database, organisationId: string, search?: string, limit = 50) {
  const conditions = [eq(conversations.organisationId, organisationId)];
  if (search) conditions.push(ilike(conversations.title, `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  return db.select().from(conversations).where(and(...conditions)).orderBy(desc(conversations.updatedAt)).limit(limit);
}

/**
 * Stores a summary of the messages up to `throughSeq`. Only moves forward, so a retried step that already
 * stored this summary (or a later one) changes nothing; returns whether it stored.
 */
export async function saveConversationSummary(db: Database, organisationId: string, id: string, summary: string, throughSeq: number): Promise<boolean> {
  const updated = await db
    .update(conversations)
    .set({ summary, summarisedThroughSeq: throughSeq })
    .where(
      and(
        eq(conversations.id, id),
        eq(conversations.organisationId, organisationId),
        or(isNull(conversations.summarisedThroughSeq), lt(conversations.summarisedThroughSeq, throughSeq)),
      ),
    )
    .returning({ id: conversations.id });
  return updated.length > 0;
}
