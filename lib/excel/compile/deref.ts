/** Turning reference values into values: whole arrays in array context, implicit intersection otherwise. */
import type { Runtime } from "@/lib/excel/engine/runtime";
import { type Area, arrayOf, Errors, ExcelError, type ReferenceValue, type Scalar, type Value } from "@/lib/excel/values";

export function isScalar(v: Value): v is Scalar {
  return typeof v !== "object" || v === null || v instanceof ExcelError;
}

/** Excel's implicit intersection of an area with the formula's row or column. */
export function intersectWithOrigin(rt: Runtime, area: Area): Scalar {
  const store = rt.sheetByName(area.sheet);
  if (!store) return Errors.REF;
  const { row, col } = rt.origin;
  if (area.top === area.bottom && area.left === area.right) return rt.readCell(store, area.top, area.left);
  if (area.left === area.right && row >= area.top && row <= area.bottom) return rt.readCell(store, row, area.left);
  if (area.top === area.bottom && col >= area.left && col <= area.right) return rt.readCell(store, area.top, col);
  return Errors.VALUE;
}

export function derefReference(rt: Runtime, ref: ReferenceValue, arrayCtx: boolean): Value {
  const area = ref.areas[0];
  if (ref.areas.length !== 1 || !area) return Errors.VALUE;
  if (!arrayCtx || (area.top === area.bottom && area.left === area.right)) return intersectWithOrigin(rt, area);
  const store = rt.sheetByName(area.sheet);
  if (!store) return Errors.REF;
  return arrayOf(rt.readAreaShared(store, area));
}

export function deref(rt: Runtime, v: Value, arrayCtx: boolean): Value {
  if (isScalar(v) || v.kind !== "reference") return v;
  return derefReference(rt, v, arrayCtx);
}

/** A single scalar from any value: top-left of an array, intersection of a reference. */
export function toSingleScalar(rt: Runtime, v: Value): Scalar {
  if (isScalar(v)) return v;
  if (v.kind === "array") return v.rows[0]?.[0] ?? null;
  if (v.kind === "reference") {
    const area = v.areas[0];
    return v.areas.length === 1 && area ? intersectWithOrigin(rt, area) : Errors.VALUE;
  }
  return Errors.CALC;
}
