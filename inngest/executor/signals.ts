import { EventEmitter } from "node:events";

/**
 * In-process signals: "work" wakes idle workers when events arrive or jobs are queued; "run" carries the id of a
 * run whose state changed, for live views. Other processes see changes by polling the database.
 */
const globalForSignals = globalThis as unknown as { candlefishDurableSignals?: EventEmitter };
export const durableSignals: EventEmitter = (globalForSignals.candlefishDurableSignals ??= new EventEmitter().setMaxListeners(0));

export function signalWork(): void {
  durableSignals.emit("work");
}

export function signalRunChanged(runId: string): void {
  durableSignals.emit("run", runId);
}
