import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/database";
import { createAccount } from "@/server/accounts/create-account";
import { ConversationMemory } from "@/server/memory/conversation-memory";
import { insertConversation } from "@/server/memory/conversation-repository";
import { testDatabases } from "@/test/test-databases";

const redisUrl = process.env.REDIS_URL;

async function connectedRedis(): Promise<Redis | null> {
  if (!redisUrl) return null;
  const redis = new Redis(redisUrl);
  await new Promise((resolve) => redis.once("ready", resolve));
  return redis;
}

describe.each(testDatabases)("ConversationMemory on $name", (target) => {
  let handle: DatabaseHandle;
  let organisationId: string;
  let redis: Redis | null;
  beforeAll(async () => {
    handle = await target.open();
    organisationId = (await createAccount(handle.db, { email: "memory@example.com", password: "memory password" })).organisationId;
    redis = await connectedRedis();
  });
  afterAll(async () => {
    redis?.disconnect();
    await handle.close();
  });

  async function conversationWith(memory: ConversationMemory, count: number) {
    const conversation = await insertConversation(handle.db, { organisationId, title: "Loan questions" });
    for (let i = 1; i <= count; i += 1) await memory.append(organisationId, conversation.id, { role: i % 2 ? "user" : "assistant", content: `message ${i}` });
    return conversation.id;
  }

  it("keeps every message in the database and the latest 10 as context, oldest first", async () => {
    const memory = new ConversationMemory(handle.db, redis);
    const id = await conversationWith(memory, 13);
    const window = await memory.window(organisationId, id);
    expect(window.map((message) => message.content)).toEqual(Array.from({ length: 10 }, (_, i) => `message ${i + 4}`));
    const all = await handle.db.query.messages.findMany({ where: (m, { eq }) => eq(m.conversationId, id) });
    expect(all).toHaveLength(13);
  });

  it.runIf(redisUrl)("serves the window from a Redis sorted set trimmed to 10", async () => {
    const memory = new ConversationMemory(handle.db, redis);
    const id = await conversationWith(memory, 12);
    const key = `conv:${organisationId}:${id}:window`;
    expect(await redis!.zcard(key)).toBe(10);
    const cached = (await redis!.zrange(key, 0, "-1")).map((entry) => JSON.parse(entry).content);
    expect(cached.at(-1)).toBe("message 12");
  });

  it.runIf(redisUrl)("rebuilds the window from the database when Redis lost it", async () => {
    const memory = new ConversationMemory(handle.db, redis);
    const id = await conversationWith(memory, 4);
    const key = `conv:${organisationId}:${id}:window`;
    await redis!.del(key);
    expect((await memory.window(organisationId, id)).map((message) => message.content)).toEqual(["message 1", "message 2", "message 3", "message 4"]);
    expect(await redis!.zcard(key)).toBe(4);
  });

  it("keeps working when Redis is down", async () => {
    const down = new Redis({ port: 1, lazyConnect: true, enableOfflineQueue: false, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    down.on("error", () => undefined);
    const memory = new ConversationMemory(handle.db, down);
    const id = await conversationWith(memory, 3);
    expect((await memory.window(organisationId, id)).map((message) => message.role)).toEqual(["user", "assistant", "user"]);
    down.disconnect();
  });

  it("stores a message given twice with one id once", async () => {
    const memory = new ConversationMemory(handle.db, redis);
    const conversation = await insertConversation(handle.db, { organisationId, title: "Retry" });
    await memory.append(organisationId, conversation.id, { id: "run-1:turn:0", role: "assistant", content: "first" });
    const again = await memory.append(organisationId, conversation.id, { id: "run-1:turn:0", role: "assistant", content: "first" });
    expect(again.content).toBe("first");
    expect((await memory.window(organisationId, conversation.id)).length).toBe(1);
  });

  it("never returns another organisation's messages", async () => {
    const memory = new ConversationMemory(handle.db, redis);
    const id = await conversationWith(memory, 2);
    expect(await memory.window("another-organisation", id)).toEqual([]);
  });
});
