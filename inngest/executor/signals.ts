import { EventEmitter } from "node:events";

/**
 * In-process signal "work": wakes idle workers when events arrive or jobs are queued. Workers in other processes
 * notice new work at their next poll.
 */
const globalForSignals = globalThis as unknown as { candlefishDurableSignals?: EventEmitter };
export const durableSignals: EventEmitter = (globalForSignals.candlefishDurableSignals ??= new EventEmitter().setMaxListeners(0));

export function signalWork(): void {
  durableSignals.emit("work");
}
