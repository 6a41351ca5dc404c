import "server-only";
import { and, asc, desc, eq, gt, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { conversations, messages } from "@/db/schema";

export type MessageRow = typeof messages.$inferSelect;

/** Inserts a message; a message whose id already exists (a retried step) is returned as it was stored. */
export async function insertMessage(db: Database, message: typeof messages.$inferInsert): Promise<MessageRow> {
  const [inserted] = await db.insert(messages).values(message).onConflictDoNothing({ target: messages.id }).returning();
  const row = inserted ?? (message.id ? (await db.select().from(messages).where(eq(messages.id, message.id)).limit(1))[0] : undefined);
  if (!row) throw new Error("insert into message returned no row");
  if (!inserted) return row;
  await db.update(conversations).set({ updatedAt: new Date() }).where(eq(conversations.id, message.conversationId));
  return row;
}

/** The newest `limit` messages of a conversation, oldest first. */
export async function listLatestMessages(db: Database, organisationId: string, conversationId: string, limit: number): Promise<MessageRow[]> {
  const rows = await db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.organisationId, organisationId)))
    .orderBy(desc(messages.seq))
    .limit(limit);
  return rows.reverse();
}

export function listMessagesAfter(db: Database, organisationId: string, conversationId: string, afterSeq: number) {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.organisationId, organisationId), gt(messages.seq, afterSeq)))
    .orderBy(asc(messages.seq));
}

/** Messages with afterSeq < seq < beforeSeq, oldest first (at most `limit`). */
export function listMessagesBetween(db: Database, organisationId: string, conversationId: string, afterSeq: number, beforeSeq: number, limit = 500) {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.organisationId, organisationId), gt(messages.seq, afterSeq), lt(messages.seq, beforeSeq)))
    .orderBy(asc(messages.seq))
    .limit(limit);
}

/** The assistant turn of this organisation's conversation that asked the user to approve `callId` (its `needsApproval`). */
export async function findApprovalRequest(db: Database, organisationId: string, conversationId: string, callId: string): Promise<MessageRow | undefined> {
  const [row] = await db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        eq(messages.organisationId, organisationId),
        eq(messages.role, "assistant"),
        sql`${messages.metadata} -> 'needsApproval' @> ${JSON.stringify([callId])}::jsonb`,
      ),
    )
    .limit(1);
  return row;
}

export async function messageExists(db: Database, organisationId: string, id: string): Promise<boolean> {
  const [row] = await db.select({ id: messages.id }).from(messages).where(and(eq(messages.id, id), eq(messages.organisationId, organisationId))).limit(1);
  return Boolean(row);
}
