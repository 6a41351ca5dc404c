import "server-only";
import type { Redis } from "ioredis";
import type { Database } from "@/db/database";
import type { MessageRole } from "@/db/schema";
import { insertMessage, listLatestMessages, type MessageRow } from "@/server/memory/message-repository";

export const CONTEXT_WINDOW = 10;
const WINDOW_TTL_SECONDS = 7 * 24 * 60 * 60;

export interface StoredMessage {
  id: string;
  seq: number;
  role: MessageRole;
  content: string;
  metadata: Record<string, unknown>;
  createdAt: string;
}

/**
 * Conversation memory: every message in the database; the newest CONTEXT_WINDOW of each conversation also in a
 * Redis sorted set (scored by sequence) for fast context. Redis is a cache only: when it is missing, empty or
 * failing, the window is read from the database (and written back to Redis when it is reachable again).
 */
export class ConversationMemory {
  constructor(
    private readonly db: Database,
    private readonly redis: Redis | null,
    private readonly windowSize = CONTEXT_WINDOW,
  ) {}

  /** Stores a message. Giving an `id` makes the append idempotent: a repeated id stores nothing new. */
  async append(
    organisationId: string,
    conversationId: string,
    message: { id?: string; role: MessageRole; content: string; metadata?: Record<string, unknown> },
  ): Promise<StoredMessage> {
    const row = await insertMessage(this.db, { id: message.id, conversationId, organisationId, role: message.role, content: message.content, metadata: message.metadata ?? {} });
    const stored = toStored(row);
    await this.tryRedis(async (redis) => {
      const key = windowKey(organisationId, conversationId);
      await redis
        .multi()
        .zadd(key, stored.seq, JSON.stringify(stored))
        .zremrangebyrank(key, 0, -(this.windowSize + 1))
        .expire(key, WINDOW_TTL_SECONDS)
        .exec();
    });
    return stored;
  }

  /** The newest messages of the conversation, oldest first. */
  async window(organisationId: string, conversationId: string): Promise<StoredMessage[]> {
    const cached = await this.tryRedis((redis) => redis.zrange(windowKey(organisationId, conversationId), 0, "-1"));
    if (cached && cached.length > 0) {
      return cached.map((entry) => JSON.parse(entry) as StoredMessage).slice(-this.windowSize);
    }
    const rows = (await listLatestMessages(this.db, organisationId, conversationId, this.windowSize)).map(toStored);
    if (rows.length > 0) await this.rebuild(organisationId, conversationId, rows);
    return rows;
  }

  private async rebuild(organisationId: string, conversationId: string, rows: StoredMessage[]): Promise<void> {
    await this.tryRedis(async (redis) => {
      const key = windowKey(organisationId, conversationId);
      const transaction = redis.multi().del(key);
      for (const row of rows) transaction.zadd(key, row.seq, JSON.stringify(row));
      await transaction.expire(key, WINDOW_TTL_SECONDS).exec();
    });
  }

  private async tryRedis<T>(operation: (redis: Redis) => Promise<T>): Promise<T | undefined> {
    if (!this.redis || this.redis.status !== "ready") return undefined;
    try {
      return await operation(this.redis);
    } catch {
      return undefined;
    }
  }
}

function windowKey(organisationId: string, conversationId: string): string {
  return `conv:${organisationId}:${conversationId}:window`;
}

function toStored(row: MessageRow): StoredMessage {
  return { id: row.id, seq: row.seq, role: row.role, content: row.content, metadata: row.metadata, createdAt: row.createdAt.toISOString() };
}
