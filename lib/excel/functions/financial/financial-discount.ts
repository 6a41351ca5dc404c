/** Discounted securities: TBILLPRICE, TBILLYIELD, TBILLEQ, DISC, INTRATE, RECEIVED, PRICEDISC, YIELDDISC, PRICEMAT, YIELDMAT. */
import { yearFrac } from "@/lib/excel/functions/date/date-diff-functions";
import { addMonths, dateArg } from "@/lib/excel/functions/date/datetime-functions";
import { withStrictNumbers } from "@/lib/excel/functions/strict-numbers";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, ExcelError, type Value } from "@/lib/excel/values";

/** Days from settlement to maturity; maturity may be at most one calendar year after settlement. */
function billDays(settlement: number, maturity: number): number | ExcelError {
  const s = dateArg(settlement);
  const m = dateArg(maturity);
  if (s instanceof ExcelError) return s;
  if (m instanceof ExcelError) return m;
  const oneYearLater = addMonths(s, 12, false);
  if (s >= m || oneYearLater instanceof ExcelError || m > oneYearLater) return Errors.NUM;
  return m - s;
}

function tbillprice(_ctx: EvalContext, s: number, m: number, discount: number): Value {
  const dsm = billDays(s, m);
  if (dsm instanceof ExcelError) return dsm;
  if (discount <= 0) return Errors.NUM;
  const result = 100 * (1 - (discount * dsm) / 360);
  return result <= 0 ? Errors.NUM : result;
}

function tbillyield(_ctx: EvalContext, s: number, m: number, pr: number): Value {
  const dsm = billDays(s, m);
  if (dsm instanceof ExcelError) return dsm;
  if (pr <= 0) return Errors.NUM;
  return ((100 - pr) / pr) * (360 / dsm);
}

function tbilleq(_ctx: EvalContext, s: number, m: number, discount: number): Value {
  const dsm = billDays(s, m);
  if (dsm instanceof ExcelError) return dsm;
  if (discount <= 0) return Errors.NUM;
  if (dsm <= 182) return (365 * discount) / (360 - discount * dsm);
  const priceValue = 100 * (1 - (discount * dsm) / 360);
  if (priceValue <= 0) return Errors.NUM;
  // A 366-day bill (a year spanning February 29) counts as exactly one year.
  const t = dsm / Math.max(365, dsm);
  return (-2 * t + 2 * Math.sqrt(t * t - (2 * t - 1) * (1 - 100 / priceValue))) / (2 * t - 1);
}

/** Settlement→maturity year fraction after validating the dates and basis. */
function term(settlement: number, maturity: number, basis: number | undefined): number | ExcelError {
  const s = dateArg(settlement);
  const m = dateArg(maturity);
  if (s instanceof ExcelError) return s;
  if (m instanceof ExcelError) return m;
  const b = Math.trunc(basis ?? 0);
  if (s >= m || b < 0 || b > 4) return Errors.NUM;
  return yearFrac(s, m, b);
}

function discounted(compute: (years: number, x: number, y: number) => number) {
  return (_ctx: EvalContext, s: number, m: number, x: number, y: number, basis?: number): Value => {
    const years = term(s, m, basis);
    if (years instanceof ExcelError) return years;
    if (x <= 0 || y <= 0) return Errors.NUM;
    return compute(years, x, y);
  };
}

function atMaturity(computeYield: boolean) {
  return (_ctx: EvalContext, s: number, m: number, issue: number, rate: number, x: number, basis?: number): Value => {
    const setMat = term(s, m, basis);
    if (setMat instanceof ExcelError) return setMat;
    const i = dateArg(issue);
    if (i instanceof ExcelError) return i;
    if (rate < 0 || x < 0 || i > Math.trunc(s)) return Errors.NUM;
    const b = Math.trunc(basis ?? 0);
    const issMat = yearFrac(i, Math.trunc(m), b);
    const issSet = yearFrac(i, Math.trunc(s), b);
    if (computeYield) return ((1 + issMat * rate) / (x / 100 + issSet * rate) - 1) / setMat;
    return 100 * ((1 + issMat * rate) / (1 + setMat * x) - issSet * rate);
  };
}

export const discountFunctions: FunctionSpec[] = withStrictNumbers([
  { name: "TBILLPRICE", minArgs: 3, maxArgs: 3, args: ["number"], impl: tbillprice },
  { name: "TBILLYIELD", minArgs: 3, maxArgs: 3, args: ["number"], impl: tbillyield },
  { name: "TBILLEQ", minArgs: 3, maxArgs: 3, args: ["number"], impl: tbilleq },
  { name: "DISC", minArgs: 4, maxArgs: 5, args: ["number"], impl: discounted((t, pr, red) => (red - pr) / red / t) },
  { name: "INTRATE", minArgs: 4, maxArgs: 5, args: ["number"], impl: discounted((t, inv, red) => (red - inv) / inv / t) },
  { name: "RECEIVED", minArgs: 4, maxArgs: 5, args: ["number"], impl: discounted((t, inv, disc) => inv / (1 - disc * t)) },
  { name: "PRICEDISC", minArgs: 4, maxArgs: 5, args: ["number"], impl: discounted((t, disc, red) => red * (1 - disc * t)) },
  { name: "YIELDDISC", minArgs: 4, maxArgs: 5, args: ["number"], impl: discounted((t, pr, red) => (red / pr - 1) / t) },
  { name: "PRICEMAT", minArgs: 5, maxArgs: 6, args: ["number"], impl: atMaturity(false) },
  { name: "YIELDMAT", minArgs: 5, maxArgs: 6, args: ["number"], impl: atMaturity(true) },
]);
