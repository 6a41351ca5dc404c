/**
 * French accounting depreciation: AMORLINC (linear, the first period prorated by the year fraction from
 * purchase to the end of the first period) and AMORDEGRC (degressive: the rate times a coefficient for the
 * asset's life 1/rate: 1.5 for 3-4 years, 2 for 5-6, 2.5 beyond; half the remaining value in the last
 * two periods). The day-count bases are 0, 1, 3 and 4 (2 is not one of them).
 */
import { yearFrac } from "@/lib/excel/functions/date/date-diff-functions";
import { withStrictNumbers } from "@/lib/excel/functions/strict-numbers";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, ExcelError, type Value } from "@/lib/excel/values";

interface Asset {
  readonly cost: number;
  readonly salvage: number;
  readonly period: number;
  readonly rate: number;
  /** The first period's share of a year. */
  readonly firstYear: number;
}

function asset(cost: number, purchased: number, firstPeriod: number, salvage: number, period: number, rate: number, basis = 0): Asset | ExcelError {
  const b = Math.trunc(basis);
  if (b < 0 || b > 4 || b === 2) return Errors.NUM;
  const start = Math.trunc(purchased);
  const end = Math.trunc(firstPeriod);
  if (cost < 0 || salvage < 0 || salvage > cost || period < 0 || rate <= 0 || start > end) return Errors.NUM;
  return { cost, salvage, period: Math.trunc(period), rate, firstYear: yearFrac(start, end, b) };
}

function amorlinc(_ctx: EvalContext, ...args: [number, number, number, number, number, number, number?]): Value {
  const a = asset(...args);
  if (a instanceof ExcelError) return a;
  const full = a.cost * a.rate;
  const first = a.firstYear * full;
  const fullPeriods = Math.trunc((a.cost - a.salvage - first) / full);
  if (a.period === 0) return first;
  if (a.period <= fullPeriods) return full;
  if (a.period === fullPeriods + 1) return a.cost - a.salvage - full * fullPeriods - first;
  return 0;
}

function coefficient(life: number): number | ExcelError {
  if ((life > 0 && life < 1) || (life > 1 && life < 2) || (life > 2 && life < 3) || (life > 4 && life < 5)) return Errors.NUM;
  if (life < 3) return 1;
  if (life < 5) return 1.5;
  return life <= 6 ? 2 : 2.5;
}

function amordegrc(_ctx: EvalContext, ...args: [number, number, number, number, number, number, number?]): Value {
  const a = asset(...args);
  if (a instanceof ExcelError) return a;
  const factor = coefficient(1 / a.rate);
  if (factor instanceof ExcelError) return factor;
  const rate = a.rate * factor;
  let depreciation = Math.round(a.firstYear * rate * a.cost);
  if (a.period === 0) return depreciation;
  let value = a.cost - depreciation;
  let rest = value - a.salvage;
  for (let n = 0; n < a.period; n++) {
    depreciation = Math.round(rate * value);
    rest -= depreciation;
    if (rest < 0) return a.period - n <= 1 ? Math.round(value * 0.5) : 0;
    value -= depreciation;
  }
  return depreciation;
}

const amortization = (name: string, impl: FunctionSpec["impl"]): FunctionSpec => ({ name, minArgs: 6, maxArgs: 7, args: ["number"], impl });

export const amortizationFunctions: FunctionSpec[] = withStrictNumbers([amortization("AMORLINC", amorlinc), amortization("AMORDEGRC", amordegrc)]);
