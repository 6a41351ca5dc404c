import "server-only";
import { getRedis } from "@/server/cache/redis";
import { EventBus } from "@/server/events/event-bus";

const globalForBus = globalThis as unknown as { candlefishEventBus?: EventBus };

export function getEventBus(): EventBus {
  globalForBus.candlefishEventBus ??= new EventBus(getRedis());
  return globalForBus.candlefishEventBus;
}
