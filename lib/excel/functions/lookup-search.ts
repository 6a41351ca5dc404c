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

export function findExact(values: readonly Scalar[], lookup: Lookup, wildcards: boolean, fromEnd = false): number {
  const matches = exactMatcher(lookup, wildcards);
  if (fromEnd) {
    for (let i = values.length - 1; i >= 0; i--) if (matches(values[i] ?? null)) return i;
    return -1;
  }
  return values.findIndex((value) => matches(value));
}

/**
 * Excel's approximate binary search. Ascending: the last position whose value is <= lookup.
 * Descending: the last position whose value is >= lookup. Cells of another type are skipped by
 * scanning down from the probe. Returns -1 when there is none.
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
    if (descending ? order >= 0 : order <= 0) {
      found = probe;
      lo = mid + 1;
    } else {
      hi = probe - 1;
    }
  }
  return found;
}

/** Next same-type position after `index` (for turning a floor into a ceiling), or -1. */
function nextSameType(values: readonly Scalar[], lookup: Lookup, index: number): number {
  for (let i = index + 1; i < values.length; i++) if (sameType(values[i] ?? null, lookup)) return i;
  return -1;
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

function findBinaryX(values: readonly Scalar[], lookup: Lookup, matchMode: MatchMode, descending: boolean): number {
  const index = findApproximate(values, lookup, descending);
  const hit = index >= 0 && compareSame(values[index] as Lookup, lookup) === 0;
  if (hit) return index;
  if (matchMode === 0 || matchMode === 2) return -1;
  // Ascending: `index` holds the next smaller value; descending: the next larger one.
  const wantsSmaller = matchMode === -1;
  if (wantsSmaller !== descending) return index;
  return nextSameType(values, lookup, index);
}
