import { bigint, bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "@/db/schema/auth";
import { organisations } from "@/db/schema/organisations";
import { createdAt, uuidPrimaryKey } from "@/db/schema/columns";

export const conversations = pgTable(
  "conversation",
  {
    id: uuidPrimaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    /** A model-written summary of every message up to `summarisedThroughSeq`, so long chats fit the context. */
    summary: text("summary"),
    summarisedThroughSeq: bigint("summarised_through_seq", { mode: "number" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { mode: "date" }).notNull().defaultNow(),
  },
  (conversation) => [index("conversation_organisation_updated_idx").on(conversation.organisationId, conversation.updatedAt)],
);

export type MessageRole = "user" | "assistant" | "tool" | "system";

export const messages = pgTable(
  "message",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    id: text("id")
      .notNull()
      .unique()
      .$defaultFn(() => crypto.randomUUID()),
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    organisationId: text("organisation_id").notNull(),
    role: text("role", { enum: ["user", "assistant", "tool", "system"] }).notNull(),
    content: text("content").notNull(),
    /** Tool calls of an assistant turn, or the call a tool result answers, plus model, cost and run id. */
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (message) => [index("message_conversation_seq_idx").on(message.conversationId, message.seq)],
);
