import type { Redis } from "ioredis";

export interface BreakerState {
  failures: number;
  /** Epoch ms until which the circuit is open; 0 when closed. */
  openUntil: number;
}

export interface BreakerStore {
  read(key: string): Promise<BreakerState>;
  addFailure(key: string, threshold: number, openUntil: number): Promise<BreakerState>;
  reset(key: string): Promise<void>;
  /** Claims the single half-open probe; true for exactly one caller per cool-down. */
  claimProbe(key: string, ttlMs: number): Promise<boolean>;
}

export interface BreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
  now?: () => number;
}

export type BreakerVerdict = "closed" | "probe" | "open";

/**
 * A circuit per provider+model: after `failureThreshold` consecutive failures it opens for `cooldownMs`, then
 * lets one probe through (half-open); the probe's success closes it, a failure opens it again.
 */
export class CircuitBreaker {
  private readonly now: () => number;

  constructor(
    private readonly store: BreakerStore,
    private readonly options: BreakerOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async check(key: string): Promise<BreakerVerdict> {
    const state = await this.store.read(key);
    this.seenFailures.set(key, state.failures);
    if (state.openUntil === 0) return "closed";
    if (this.now() < state.openUntil) return "open";
    return (await this.store.claimProbe(key, this.options.cooldownMs)) ? "probe" : "open";
  }

  async recordSuccess(key: string, verdict: BreakerVerdict): Promise<void> {
    if (verdict === "probe" || (this.seenFailures.get(key) ?? 0) > 0) {
      this.seenFailures.set(key, 0);
      await this.store.reset(key);
    }
  }

  async recordFailure(key: string): Promise<BreakerState> {
    const state = await this.store.addFailure(key, this.options.failureThreshold, this.now() + this.options.cooldownMs);
    this.seenFailures.set(key, state.failures);
    return state;
  }

  /** Failures last seen per key, so a success writes to the store only when there is a count to clear. */
  private readonly seenFailures = new Map<string, number>();
}

export function createMemoryBreakerStore(now: () => number = Date.now): BreakerStore {
  const states = new Map<string, BreakerState>();
  const probes = new Map<string, number>();
  return {
    read: async (key) => states.get(key) ?? { failures: 0, openUntil: 0 },
    addFailure: async (key, threshold, openUntil) => {
      const previous = states.get(key) ?? { failures: 0, openUntil: 0 };
      const failures = previous.failures + 1;
      const next = { failures, openUntil: failures >= threshold ? openUntil : previous.openUntil };
      states.set(key, next);
      probes.delete(key);
      return next;
    },
    reset: async (key) => {
      states.delete(key);
      probes.delete(key);
    },
    claimProbe: async (key, ttlMs) => {
      const claimedUntil = probes.get(key) ?? 0;
      if (claimedUntil > now()) return false;
      probes.set(key, now() + ttlMs);
      return true;
    },
  };
}

/**
 * Shares circuit state between app instances through Redis. Any Redis error falls back to the in-process
 * store for that operation, so a Redis outage degrades to per-instance breakers instead of failing calls.
 */
export function createRedisBreakerStore(redis: Redis, fallback: BreakerStore, prefix = "llm:breaker:"): BreakerStore {
  const guard = async <T>(run: () => Promise<T>, otherwise: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch {
      return otherwise();
    }
  };
  return {
    read: (key) =>
      guard(
        async () => {
          const [failures, openUntil] = await redis.hmget(prefix + key, "failures", "openUntil");
          return { failures: Number(failures ?? 0), openUntil: Number(openUntil ?? 0) };
        },
        () => fallback.read(key),
      ),
    addFailure: (key, threshold, openUntil) =>
      guard(
        async () => {
          const failures = await redis.hincrby(prefix + key, "failures", 1);
          await redis.del(`${prefix}${key}:probe`);
          if (failures >= threshold) {
            await redis.hset(prefix + key, "openUntil", openUntil);
          }
          await redis.pexpire(prefix + key, Math.max(60_000, (openUntil - Date.now()) * 10));
          const stored = Number((await redis.hget(prefix + key, "openUntil")) ?? 0);
          return { failures, openUntil: stored };
        },
        () => fallback.addFailure(key, threshold, openUntil),
      ),
    reset: (key) =>
      guard(
        async () => {
          await redis.del(prefix + key, `${prefix}${key}:probe`);
        },
        () => fallback.reset(key),
      ),
    claimProbe: (key, ttlMs) =>
      guard(
        async () => (await redis.set(`${prefix}${key}:probe`, "1", "PX", ttlMs, "NX")) === "OK",
        () => fallback.claimProbe(key, ttlMs),
      ),
  };
}
