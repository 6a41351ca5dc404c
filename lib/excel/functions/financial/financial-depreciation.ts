/** Depreciation: SLN, SYD, DB, DDB, VDB (VDB follows the published OpenFormula algorithm Excel matches). */
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, type Value } from "@/lib/excel/values";

function sln(_ctx: EvalContext, cost: number, salvage: number, life: number): Value {
  return life === 0 ? Errors.DIV0 : (cost - salvage) / life;
}

function syd(_ctx: EvalContext, cost: number, salvage: number, life: number, per: number): Value {
  if (life <= 0 || per <= 0 || per > life) return Errors.NUM;
  return ((cost - salvage) * (life - per + 1) * 2) / (life * (life + 1));
}

function db(_ctx: EvalContext, cost: number, salvage: number, life: number, period: number, month = 12): Value {
  const m = Math.trunc(month);
  const p = Math.trunc(period);
  if (cost < 0 || salvage < 0 || life <= 0 || p <= 0 || m < 1 || m > 12 || p > life + (m === 12 ? 0 : 1)) return Errors.NUM;
  if (cost === 0) return 0;
  const rate = Math.round((1 - (salvage / cost) ** (1 / life)) * 1000) / 1000;
  let total = (cost * rate * m) / 12;
  if (p === 1) return total;
  let depreciation = 0;
  for (let i = 2; i <= p; i++) {
    depreciation = (cost - total) * rate;
    if (i === life + 1) depreciation = (depreciation * (12 - m)) / 12;
    total += depreciation;
  }
  return depreciation;
}

function ddbAmount(cost: number, salvage: number, life: number, period: number, factor: number): number {
  let rate = factor / life;
  let oldValue: number;
  if (rate >= 1) {
    rate = 1;
    oldValue = period === 1 ? cost : 0;
  } else {
    oldValue = cost * (1 - rate) ** (period - 1);
  }
  const newValue = cost * (1 - rate) ** period;
  const amount = newValue < salvage ? oldValue - salvage : oldValue - newValue;
  return Math.max(amount, 0);
}

function ddb(_ctx: EvalContext, cost: number, salvage: number, life: number, period: number, factor = 2): Value {
  if (cost < 0 || salvage < 0 || life <= 0 || period <= 0 || factor <= 0 || period > life) return Errors.NUM;
  return ddbAmount(cost, salvage, life, period, factor);
}

function interVdb(cost: number, salvage: number, life: number, life1: number, period: number, factor: number): number {
  const end = Math.ceil(period);
  let total = 0;
  let remaining = cost - salvage;
  let straight = 0;
  let switched = false;
  for (let i = 1; i <= end; i++) {
    let term: number;
    if (switched) {
      term = straight;
    } else {
      const declining = ddbAmount(cost, salvage, life, i, factor);
      straight = remaining / (life1 - (i - 1));
      if (straight > declining) {
        term = straight;
        switched = true;
      } else {
        term = declining;
        remaining -= declining;
      }
    }
    if (i === end) term *= period + 1 - end;
    total += term;
  }
  return total;
}

function vdb(
  _ctx: EvalContext,
  cost: number,
  salvage: number,
  life: number,
  start: number,
  end: number,
  factor = 2,
  noSwitch = false,
): Value {
  if (start < 0 || end < start || end > life || cost < 0 || salvage > cost || factor <= 0 || life <= 0) return Errors.NUM;
  if (noSwitch) {
    const first = Math.floor(start);
    const last = Math.ceil(end);
    let total = 0;
    for (let i = first + 1; i <= last; i++) {
      let term = ddbAmount(cost, salvage, life, i, factor);
      if (i === first + 1) term *= Math.min(end, first + 1) - start;
      else if (i === last) term *= end + 1 - last;
      total += term;
    }
    return total;
  }
  let s = start;
  let e = end;
  let life1 = life;
  if (s !== Math.floor(s) && factor > 1 && s >= life / 2) {
    const part = s - life / 2;
    s = life / 2;
    e -= part;
    life1 += 1;
  }
  const remainingCost = cost - interVdb(cost, salvage, life, life1, s, factor);
  return interVdb(remainingCost, salvage, life, life - s, e - s, factor);
}

export const depreciationFunctions: FunctionSpec[] = [
  { name: "SLN", minArgs: 3, maxArgs: 3, args: ["number"], impl: sln },
  { name: "SYD", minArgs: 4, maxArgs: 4, args: ["number"], impl: syd },
  { name: "DB", minArgs: 4, maxArgs: 5, args: ["number"], impl: db },
  { name: "DDB", minArgs: 4, maxArgs: 5, args: ["number"], impl: ddb },
  { name: "VDB", minArgs: 5, maxArgs: 7, args: ["number", "number", "number", "number", "number", "number", "boolean"], impl: vdb },
];
