/**
 * Inngest time strings ("300ms", "1h30m", "2d", "1w") and ISO 8601 dates, as the SDK sends them in Sleep,
 * WaitForEvent and InvokeFunction ops, resolved to an absolute instant.
 */
const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const PART = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d|w)/y;

export function parseTimeStringMs(value: string): number | undefined {
  if (!value) return undefined;
  PART.lastIndex = 0;
  let total = 0;
  while (PART.lastIndex < value.length) {
    const start = PART.lastIndex;
    const match = PART.exec(value);
    if (!match || match.index !== start) return undefined;
    total += Number(match[1]) * (UNIT_MS[match[2] ?? ""] ?? Number.NaN);
  }
  return Number.isFinite(total) ? total : undefined;
}

/** The instant a duration or date string designates, counted from `now`; throws on anything else. */
export function resolveInstant(value: string, now: Date): Date {
  const ms = parseTimeStringMs(value);
  if (ms !== undefined) return new Date(now.getTime() + ms);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`"${value}" is neither a time string like "5m" nor an ISO 8601 date`);
  return date;
}
