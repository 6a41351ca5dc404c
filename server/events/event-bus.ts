import "server-only";
import { EventEmitter } from "node:events";
import type { Redis } from "ioredis";

export type Listener = (payload: unknown) => void;

/**
 * Publish/subscribe for live progress (tokens, tool calls, run steps). Through Redis when configured, so a
 * browser connected to one app process sees a run executed by another; in-process otherwise, and in-process
 * too whenever Redis fails, so a Redis outage degrades to same-process delivery instead of silence.
 */
export class EventBus {
  private readonly local = new EventEmitter().setMaxListeners(0);
  private subscriber: Redis | undefined;
  private readonly redisChannels = new Map<string, number>();
  /** Per channel, settles once Redis has confirmed the subscription (or failed to). */
  private readonly confirmations = new Map<string, Promise<void>>();

  constructor(private readonly redis: Redis | null) {}

  async publish(channel: string, payload: unknown): Promise<void> {
    if (this.redis && this.redis.status === "ready") {
      try {
        await this.redis.publish(`bus:${channel}`, JSON.stringify(payload));
        return;
      } catch {
        // Fall through to local delivery.
      }
    }
    this.local.emit(channel, payload);
  }

  subscribe(channel: string, listener: Listener): () => void {
    this.local.on(channel, listener);
    const subscriber = this.redisSubscriber();
    if (subscriber) {
      const count = this.redisChannels.get(channel) ?? 0;
      this.redisChannels.set(channel, count + 1);
      if (count === 0) this.confirmations.set(channel, subscriber.subscribe(`bus:${channel}`).then(() => undefined, () => undefined));
    }
    return () => {
      this.local.off(channel, listener);
      if (!subscriber) return;
      const remaining = (this.redisChannels.get(channel) ?? 1) - 1;
      if (remaining > 0) this.redisChannels.set(channel, remaining);
      else {
        this.redisChannels.delete(channel);
        this.confirmations.delete(channel);
        subscriber.unsubscribe(`bus:${channel}`).catch(() => undefined);
      }
    };
  }

  /** Resolves once messages published to `channel` from now on reach this process's subscribers. */
  async subscribed(channel: string): Promise<void> {
    await this.confirmations.get(channel);
  }

  async close(): Promise<void> {
    this.subscriber?.disconnect();
    this.local.removeAllListeners();
  }

  private redisSubscriber(): Redis | undefined {
    if (!this.redis) return undefined;
    if (!this.subscriber) {
      this.subscriber = this.redis.duplicate({ enableOfflineQueue: true });
      this.subscriber.on("error", () => undefined);
      this.subscriber.on("message", (redisChannel: string, message: string) => {
        try {
          this.local.emit(redisChannel.slice("bus:".length), JSON.parse(message));
        } catch {
          // A malformed message from another producer: ignore it.
        }
      });
    }
    return this.subscriber;
  }
}
