import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { EventBus } from "@/server/events/event-bus";

const redisUrl = process.env.REDIS_URL;

function nextMessage(bus: EventBus, channel: string): Promise<unknown> {
  return new Promise((resolve) => {
    const unsubscribe = bus.subscribe(channel, (payload) => {
      unsubscribe();
      resolve(payload);
    });
  });
}

describe("EventBus", () => {
  it("delivers in-process without Redis", async () => {
    const bus = new EventBus(null);
    const received = nextMessage(bus, "c1");
    await bus.publish("c1", { type: "delta", text: "hi" });
    expect(await received).toEqual({ type: "delta", text: "hi" });
  });

  describe.runIf(redisUrl)("with Redis", () => {
    const publisherRedis = redisUrl ? new Redis(redisUrl) : null;
    const subscriberRedis = redisUrl ? new Redis(redisUrl) : null;
    afterAll(() => {
      publisherRedis?.disconnect();
      subscriberRedis?.disconnect();
    });

    it("delivers across processes (two buses on two connections)", async () => {
      await Promise.all([publisherRedis!.ping(), subscriberRedis!.ping()]);
      const publisher = new EventBus(publisherRedis);
      const subscriber = new EventBus(subscriberRedis);
      const channel = `c-${Math.random()}`;
      const received = nextMessage(subscriber, channel);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await publisher.publish(channel, { n: 1 });
      expect(await received).toEqual({ n: 1 });
      await subscriber.close();
    });
  });
});
