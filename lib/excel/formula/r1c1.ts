/** Converts R1C1 reference text (INDIRECT(text, FALSE)) to A1 text relative to a position. */
import { formatCellAddress } from "@/lib/excel/formula/references";

const PART = /^R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?$/i;

function resolve(part: string | undefined, base: number): number {
  if (part === undefined) return base;
  if (part.startsWith("[")) return base + Number(part.slice(1, -1));
  return Number(part) - 1;
}

function cellToA1(text: string, row: number, col: number): string | undefined {
  const m = PART.exec(text);
  if (!m) return undefined;
  const r = resolve(m[1], row);
  const c = resolve(m[2], col);
  return r >= 0 && c >= 0 ? formatCellAddress(r, c) : undefined;
}

export function r1c1ToA1(text: string, row: number, col: number): string | undefined {
  const bang = text.lastIndexOf("!");
  const prefix = bang >= 0 ? text.slice(0, bang + 1) : "";
  const parts = text.slice(bang + 1).split(":");
  const converted = parts.map((p) => cellToA1(p.trim(), row, col));
  if (converted.some((p) => p === undefined) || converted.length > 2) return undefined;
  return prefix + converted.join(":");
}
