export interface SpendTotals {
  organisation: number;
  user: number;
}

export interface SpendTracker {
  /** Month-to-date spend (UTC calendar month) of the organisation and of the user. */
  read(organisationId: string, userId: string | undefined): Promise<SpendTotals>;
  /** Counts a call's cost at once, before its row reaches the database. */
  add(organisationId: string, userId: string | undefined, costUsd: number): void;
}

export function monthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

interface Entry {
  month: number;
  loadedAt: number;
  value: Promise<number>;
}

/**
 * Month-to-date spend, loaded from the call rows once and then kept current in memory, so budget checks cost
 * no query per call. Entries reload after `ttlMs` to pick up other instances' spend.
 */
export function createSpendTracker(options: {
  load: (organisationId: string, since: Date, userId?: string) => Promise<number>;
  ttlMs: number;
  now?: () => number;
}): SpendTracker {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const get = (organisationId: string, userId?: string): Promise<number> => {
    const key = `${organisationId}|${userId ?? ""}`;
    const time = now();
    const month = monthStart(new Date(time)).getTime();
    const entry = entries.get(key);
    if (entry && entry.month === month && time - entry.loadedAt < options.ttlMs) return entry.value;
    const value = options.load(organisationId, new Date(month), userId);
    entries.set(key, { month, loadedAt: time, value });
    value.catch(() => entries.delete(key));
    return value;
  };
  const bump = (key: string, costUsd: number) => {
    const entry = entries.get(key);
    if (entry) entry.value = entry.value.then((total) => total + costUsd);
  };
  return {
    read: async (organisationId, userId) => {
      const [organisation, user] = await Promise.all([get(organisationId), userId ? get(organisationId, userId) : Promise.resolve(0)]);
      return { organisation, user };
    },
    add: (organisationId, userId, costUsd) => {
      if (costUsd <= 0) return;
      bump(`${organisationId}|`, costUsd);
      if (userId) bump(`${organisationId}|${userId}`, costUsd);
    },
  };
}
