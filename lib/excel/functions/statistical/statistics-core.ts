/** Pure statistics over number lists with Excel's definitions and error results. */
import { round15 } from "@/lib/excel/coerce";
import { Errors, type ExcelError } from "@/lib/excel/values";

type Num = number | ExcelError;

export function sum(xs: readonly number[]): number {
  let total = 0;
  for (const x of xs) total += x;
  return total;
}

export function average(xs: readonly number[]): Num {
  return xs.length === 0 ? Errors.DIV0 : sum(xs) / xs.length;
}

export function devsq(xs: readonly number[]): number {
  const mean = sum(xs) / xs.length;
  let total = 0;
  for (const x of xs) total += (x - mean) ** 2;
  return total;
}

export function variance(xs: readonly number[], sample: boolean): Num {
  const n = xs.length;
  if (n === 0 || (sample && n < 2)) return Errors.DIV0;
  return devsq(xs) / (sample ? n - 1 : n);
}

export function stdev(xs: readonly number[], sample: boolean): Num {
  const v = variance(xs, sample);
  return typeof v === "number" ? Math.sqrt(v) : v;
}

export function sorted(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

export function median(xs: readonly number[]): Num {
  if (xs.length === 0) return Errors.NUM;
  const s = sorted(xs);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Values that occur most often (at least twice), in order of first occurrence. */
export function modes(xs: readonly number[]): number[] {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best = 1;
  for (const c of counts.values()) best = Math.max(best, c);
  if (best < 2) return [];
  const out: number[] = [];
  for (const [x, c] of counts) if (c === best) out.push(x);
  return out;
}

/** k-th largest (or smallest) with k rounded up as Excel does; #NUM! when out of range. */
export function kth(xs: readonly number[], k: number, largest: boolean): Num {
  const index = Math.ceil(k);
  if (index < 1 || index > xs.length) return Errors.NUM;
  const s = sorted(xs);
  return s[largest ? s.length - index : index - 1] as number;
}

function interpolate(s: readonly number[], h: number): number {
  const lo = Math.floor(h);
  const lower = s[lo] as number;
  const upper = s[Math.min(lo + 1, s.length - 1)] as number;
  return lower + (h - lo) * (upper - lower);
}

export function percentileInc(xs: readonly number[], k: number): Num {
  if (xs.length === 0 || k < 0 || k > 1) return Errors.NUM;
  return interpolate(sorted(xs), round15(k * (xs.length - 1)));
}

export function percentileExc(xs: readonly number[], k: number): Num {
  const n = xs.length;
  const rank = round15(k * (n + 1));
  if (n === 0 || k <= 0 || k >= 1 || rank < 1 || rank > n) return Errors.NUM;
  return interpolate(sorted(xs), rank - 1);
}

export function quartile(xs: readonly number[], q: number, exclusive: boolean): Num {
  const quart = Math.trunc(q);
  if (exclusive ? quart < 1 || quart > 3 : quart < 0 || quart > 4) return Errors.NUM;
  return exclusive ? percentileExc(xs, quart / 4) : percentileInc(xs, quart / 4);
}

function truncateTo(value: number, significance: number): number {
  const scale = 10 ** significance;
  return Math.floor(round15(value * scale)) / scale;
}

export function percentRank(xs: readonly number[], x: number, significance: number, exclusive: boolean): Num {
  const digits = Math.trunc(significance);
  if (xs.length === 0 || digits < 1) return Errors.NUM;
  const s = sorted(xs);
  const n = s.length;
  if (x < (s[0] as number) || x > (s[n - 1] as number)) return Errors.NA;
  let below = 0;
  while (below < n && (s[below] as number) < x) below++;
  let position: number;
  if (s[below] === x) position = below;
  else {
    const lower = s[below - 1] as number;
    const upper = s[below] as number;
    position = below - 1 + (x - lower) / (upper - lower);
  }
  if (exclusive) return truncateTo((position + 1) / (n + 1), digits);
  if (n === 1) return 1;
  return truncateTo(position / (n - 1), digits);
}

export function rank(xs: readonly number[], x: number, ascending: boolean, averageTies: boolean): Num {
  let before = 0;
  let ties = 0;
  for (const v of xs) {
    if (v === x) ties++;
    else if (ascending ? v < x : v > x) before++;
  }
  if (ties === 0) return Errors.NA;
  return averageTies ? before + (ties + 1) / 2 : before + 1;
}

export function skew(xs: readonly number[], population: boolean): Num {
  const n = xs.length;
  const sd = stdev(xs, !population);
  if (typeof sd !== "number" || sd === 0 || (!population && n < 3)) return Errors.DIV0;
  const mean = sum(xs) / n;
  let total = 0;
  for (const x of xs) total += ((x - mean) / sd) ** 3;
  return population ? total / n : (n / ((n - 1) * (n - 2))) * total;
}

export function kurt(xs: readonly number[]): Num {
  const n = xs.length;
  const sd = stdev(xs, true);
  if (n < 4 || typeof sd !== "number" || sd === 0) return Errors.DIV0;
  const mean = sum(xs) / n;
  let total = 0;
  for (const x of xs) total += ((x - mean) / sd) ** 4;
  return ((n * (n + 1)) / ((n - 1) * (n - 2) * (n - 3))) * total - (3 * (n - 1) ** 2) / ((n - 2) * (n - 3));
}
