/** TAKE, DROP, CHOOSECOLS, CHOOSEROWS, VSTACK, HSTACK, TOCOL, TOROW, WRAPROWS, WRAPCOLS, EXPAND. */
import { numberList, optionalBoolean, optionalNumber } from "@/lib/excel/functions/optional-args";
import type { EvalContext, FunctionSpec, RangeArg } from "@/lib/excel/functions/types";
import { fillGrid, gridHeight, gridWidth, toVector, transposeGrid } from "@/lib/excel/functions/value-grid";
import { arrayOf, Errors, ExcelError, type Scalar, type Value } from "@/lib/excel/values";

/** The [start, end) slice TAKE (keep) or DROP (!keep) selects along one dimension of the given size. */
function span(size: number, count: number | undefined, keep: boolean): [number, number] {
  if (count === undefined) return [0, size];
  const n = Math.min(Math.abs(count), size);
  if (keep) return count >= 0 ? [0, n] : [size - n, size];
  return count >= 0 ? [n, size] : [0, size - n];
}

function takeOrDrop(keep: boolean) {
  return (_ctx: EvalContext, source: RangeArg, rows?: Scalar, cols?: Scalar): Value => {
    const r = rows === undefined || rows === null ? undefined : optionalNumber(rows, 0);
    const c = cols === undefined || cols === null ? undefined : optionalNumber(cols, 0);
    if (r instanceof ExcelError) return r;
    if (c instanceof ExcelError) return c;
    const rt = r === undefined ? undefined : Math.trunc(r);
    const ct = c === undefined ? undefined : Math.trunc(c);
    if (keep && (rt === 0 || ct === 0)) return Errors.CALC;
    const [top, bottom] = span(gridHeight(source.rows), rt, keep);
    const [left, right] = span(gridWidth(source.rows), ct, keep);
    if (bottom <= top || right <= left) return Errors.CALC;
    return arrayOf(source.rows.slice(top, bottom).map((row) => row.slice(left, right)));
  };
}

function chooseLines(byColumns: boolean) {
  return (ctx: EvalContext, source: RangeArg, ...picks: Value[]): Value => {
    const lines = byColumns ? transposeGrid(source.rows) : source.rows;
    const out: Scalar[][] = [];
    for (const pick of picks) {
      const indexes = numberList(ctx, pick);
      if (indexes instanceof ExcelError) return indexes;
      for (const raw of indexes) {
        const k = Math.trunc(raw);
        const line = k > 0 ? lines[k - 1] : lines[lines.length + k];
        if (k === 0 || !line) return Errors.VALUE;
        out.push(line);
      }
    }
    return arrayOf(byColumns ? transposeGrid(out) : out);
  };
}

function stack(vertical: boolean) {
  return (_ctx: EvalContext, ...parts: RangeArg[]): Value => {
    const grids = parts.map((p) => (vertical ? p.rows : transposeGrid(p.rows)));
    const width = Math.max(...grids.map(gridWidth));
    const out: Scalar[][] = [];
    for (const grid of grids) {
      for (const row of grid) out.push(row.length < width ? [...row, ...Array<Scalar>(width - row.length).fill(Errors.NA)] : row);
    }
    return arrayOf(vertical ? out : transposeGrid(out));
  };
}

function flatten(byColumns: boolean) {
  return (_ctx: EvalContext, source: RangeArg, ignore?: Scalar, scanByColumn?: Scalar): Value => {
    const mode = optionalNumber(ignore, 0);
    if (mode instanceof ExcelError) return mode;
    const scan = optionalBoolean(scanByColumn, false);
    if (scan instanceof ExcelError) return scan;
    const m = Math.trunc(mode);
    if (m < 0 || m > 3) return Errors.VALUE;
    const grid = scan ? transposeGrid(source.rows) : source.rows;
    const values = grid.flat().filter((v) => !((m & 1 && v === null) || (m & 2 && v instanceof ExcelError)));
    if (values.length === 0) return Errors.CALC;
    return arrayOf(byColumns ? values.map((v) => [v]) : [values]);
  };
}

function wrap(byRows: boolean) {
  return (_ctx: EvalContext, source: RangeArg, count: number, padWith?: Value): Value => {
    const vector = toVector(source.rows);
    if (!vector) return Errors.VALUE;
    const n = Math.trunc(count);
    if (n < 1) return Errors.NUM;
    const pad = padWith === undefined ? Errors.NA : (padWith as Scalar);
    const lines = Math.ceil(vector.length / n);
    const grid = fillGrid(lines, n, (i, j) => {
      const at = i * n + j;
      return at < vector.length ? (vector[at] ?? null) : pad;
    });
    return arrayOf(byRows ? grid : transposeGrid(grid));
  };
}

function expand(_ctx: EvalContext, source: RangeArg, rows: Scalar, cols?: Scalar, padWith?: Value): Value {
  const height = gridHeight(source.rows);
  const width = gridWidth(source.rows);
  const r = optionalNumber(rows, height);
  const c = optionalNumber(cols, width);
  if (r instanceof ExcelError) return r;
  if (c instanceof ExcelError) return c;
  const newHeight = Math.trunc(r);
  const newWidth = Math.trunc(c);
  if (newHeight < height || newWidth < width) return Errors.VALUE;
  const pad = padWith === undefined ? Errors.NA : (padWith as Scalar);
  return arrayOf(fillGrid(newHeight, newWidth, (i, j) => (i < height && j < width ? (source.rows[i]?.[j] ?? null) : pad)));
}

export const arrayShapeFunctions: FunctionSpec[] = [
  { name: "TAKE", minArgs: 2, maxArgs: 3, args: ["range", "scalar", "scalar"], noLift: true, impl: takeOrDrop(true) },
  { name: "DROP", minArgs: 2, maxArgs: 3, args: ["range", "scalar", "scalar"], noLift: true, impl: takeOrDrop(false) },
  { name: "CHOOSECOLS", minArgs: 2, maxArgs: 254, args: ["range", "any"], noLift: true, impl: chooseLines(true) },
  { name: "CHOOSEROWS", minArgs: 2, maxArgs: 254, args: ["range", "any"], noLift: true, impl: chooseLines(false) },
  { name: "VSTACK", minArgs: 1, maxArgs: 254, args: ["range"], noLift: true, impl: stack(true) },
  { name: "HSTACK", minArgs: 1, maxArgs: 254, args: ["range"], noLift: true, impl: stack(false) },
  { name: "TOCOL", minArgs: 1, maxArgs: 3, args: ["range", "scalar", "scalar"], noLift: true, impl: flatten(true) },
  { name: "TOROW", minArgs: 1, maxArgs: 3, args: ["range", "scalar", "scalar"], noLift: true, impl: flatten(false) },
  { name: "WRAPROWS", minArgs: 2, maxArgs: 3, args: ["range", "number", "scalar"], noLift: true, impl: wrap(true) },
  { name: "WRAPCOLS", minArgs: 2, maxArgs: 3, args: ["range", "number", "scalar"], noLift: true, impl: wrap(false) },
  { name: "EXPAND", minArgs: 2, maxArgs: 4, args: ["range", "scalar", "scalar", "scalar"], noLift: true, impl: expand },
];
