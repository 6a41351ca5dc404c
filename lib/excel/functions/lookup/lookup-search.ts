/**
 * The searches behind VLOOKUP, HLOOKUP, LOOKUP, MATCH, XLOOKUP and XMATCH. Exact matches compare
 * numbers bit-exactly and text case-insensitively (with optional wildcards); approximate matches do
 * Excel's binary search, which only looks at cells of the lookup value's type and so tolerates
 * mixed or unsorted data the way Excel does.
 */
import { compareText } from "@/lib/excel/coerce";
import { hasWildcards, wildcardToRegExp } from "@/lib/excel/criteria";
import { ExcelError, type Scalar } from "@/lib/excel/values";

export type Lookup = number | string | boolean;

function sameType(value: Scalar, lookup: Lookup): value is Lookup {
  return typeof value === typeof lookup && !(value instanceof ExcelError);
}

/** Order of two values of the same type. */
export function compareSame(a: Lookup, b: Lookup): number {
  if (typeof a === "string" && typeof b === "string") return compareText(a, b);
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** An equality test for exact matching; wildcards (* ? ~) apply to text lookups when enabled. */
export function exactMatcher(lookup: Lookup, wildcards: boolean): (value: Scalar) => boolean {
  if (typeof lookup === "string") {
    if (wildcards && hasWildcards(lookup)) {
      const regex = wildcardToRegExp(lookup);
      return (value) => typeof value === "string" && regex.test(value);
    }
    const lower = lookup.toLowerCase();
    return (value) => typeof value === "string" && value.toLowerCase() === lower;
  }
  return (value) => value === lookup;
}

function indexKey(value: Scalar): string | undefined {
  if (typeof value === "string") return `s${value.toLowerCase()}`;
  if (typeof value === "number") return `n${value}`;
  if (typeof value === "boolean") return `b${value}`;
  return undefined;
}

const firstIndexes = new WeakMap<readonly Scalar[], Map<string, number>>();

/** Position of each distinct value's first occurrence, built once per (memoised) column. */
function firstIndexOf(values: readonly Scalar[]): Map<string, number> {
  let index = firstIndexes.get(values);
  if (!index) {
    index = new Map();
    for (let i = 0; i < values.length; i++) {
      const key = indexKey(values[i] ?? null);
      if (key !== undefined && !index.has(key)) index.set(key, i);
    }
    firstIndexes.set(values, index);
  }
  return index;
}

/** First exact match; without wildcards it uses a hash index so repeated lookups are O(1). */
export function findExact(values: readonly Scalar[], lookup: Lookup, wildcards: boolean): number {
  if (wildcards && typeof lookup === "string" && hasWildcards(lookup)) {
    const matches = exactMatcher(lookup, true);
    return values.findIndex((value) => matches(value));
  }
  return firstIndexOf(values).get(indexKey(lookup) as string) ?? -1;
}

/**
 * Excel's approximate binary search. Ascending: the last position whose value is <= lookup.
 * Descending: the last position whose value is >= lookup. Cells of another type are skipped by
 * scanning down from the probe. A probe equal to the lookup ends the search at the last of its run
 * of equal neighbours, as Excel does on unsorted data. Returns -1 when there is none.
 */
export function findApproximate(values: readonly Scalar[], lookup: Lookup, descending = false): number {
  let lo = 0;
  let hi = values.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    let probe = mid;
    while (probe >= lo && !sameType(values[probe] ?? null, lookup)) probe--;
    if (probe < lo) {
      lo = mid + 1;
      continue;
    }
    const order = compareSame(values[probe] as Lookup, lookup);
    if (order === 0) {
      while (probe + 1 < values.length && sameType(values[probe + 1] ?? null, lookup) && compareSame(values[probe + 1] as Lookup, lookup) === 0) probe++;
      return probe;
    }
    if (descending ? order > 0 : order < 0) {
      found = probe;
      lo = mid + 1;
    } else {
      hi = probe - 1;
    }
  }
  return found;
}

export type MatchMode = 0 | -1 | 1 | 2;
export type SearchMode = 1 | -1 | 2 | -2;

/** XLOOKUP/XMATCH's search: the position found, or -1. */
export function findX(values: readonly Scalar[], lookup: Lookup | null, matchMode: MatchMode, searchMode: SearchMode): number {
  if (lookup === null) {
    const blank = (v: Scalar) => v === null;
    return searchMode === -1 || searchMode === -2 ? values.findLastIndex(blank) : values.findIndex(blank);
  }
  if (searchMode === 2 || searchMode === -2) return findBinaryX(values, lookup, matchMode, searchMode === -2);
  if ((matchMode === 0 || matchMode === 2) && searchMode === 1) return findExact(values, lookup, matchMode === 2);
  const exact = exactMatcher(lookup, matchMode === 2);
  let best = -1;
  const n = values.length;
  for (let k = 0; k < n; k++) {
    const i = searchMode === 1 ? k : n - 1 - k;
    const value = values[i] ?? null;
    if (exact(value)) return i;
    if ((matchMode !== -1 && matchMode !== 1) || !sameType(value, lookup)) continue;
    const order = compareSame(value, lookup);
    if (matchMode === -1 ? order > 0 : order < 0) continue;
    if (best < 0) best = i;
    else {
      const vsBest = compareSame(value, values[best] as Lookup);
      if (matchMode === -1 ? vsBest > 0 : vsBest < 0) best = i;
    }
  }
  return best;
}

/** Total order used by XLOOKUP's binary search: numbers < text < logicals < errors < blanks. */
function compareAny(a: Scalar, b: Lookup): number {
  const rank = (v: Scalar) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : typeof v === "boolean" ? 2 : v === null ? 4 : 3);
  const diff = rank(a) - rank(b);
  return diff !== 0 ? Math.sign(diff) : compareSame(a as Lookup, b);
}

/** XLOOKUP's binary search compares across types instead of skipping them (unlike MATCH's). */
function findBinaryX(values: readonly Scalar[], lookup: Lookup, matchMode: MatchMode, descending: boolean): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const order = compareAny(values[mid] ?? null, lookup) * (descending ? -1 : 1);
    if (order === 0) return mid;
    if (order < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  if (matchMode === 0 || matchMode === 2) return -1;
  // `hi` now sits just before the lookup in sort order and `lo` just after it.
  const smaller = descending ? lo : hi;
  const larger = descending ? hi : lo;
  const pick = matchMode === -1 ? smaller : larger;
  return pick >= 0 && pick < values.length ? pick : -1;
}
