/** Time-value-of-money functions: PMT, IPMT, PPMT, CUMIPMT, CUMPRINC, PV, FV, NPER, RATE and friends. */
import { newtonFrom, RATE_LIMITS } from "@/lib/excel/functions/financial/newton-solve";
import { withStrictNumbers } from "@/lib/excel/functions/strict-numbers";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, type ExcelError, type Value } from "@/lib/excel/values";

function typeFlag(type: number | undefined): 0 | 1 {
  return type !== undefined && type !== 0 ? 1 : 0;
}

function finite(n: number): number | ExcelError {
  return Number.isFinite(n) ? n : Errors.NUM;
}

export function pmt(rate: number, nper: number, pv: number, fv = 0, type: 0 | 1 = 0): number {
  if (rate === 0) return -(pv + fv) / nper;
  const growth = (1 + rate) ** nper;
  return -(rate * (fv + pv * growth)) / ((1 + rate * type) * (growth - 1));
}

export function fv(rate: number, nper: number, payment: number, pv = 0, type: 0 | 1 = 0): number {
  if (rate === 0) return -(pv + payment * nper);
  const growth = (1 + rate) ** nper;
  return -(pv * growth + (payment * (1 + rate * type) * (growth - 1)) / rate);
}

export function pv(rate: number, nper: number, payment: number, future = 0, type: 0 | 1 = 0): number {
  if (rate === 0) return -(future + payment * nper);
  const growth = (1 + rate) ** nper;
  return -(future + (payment * (1 + rate * type) * (growth - 1)) / rate) / growth;
}

export function ipmt(rate: number, per: number, nper: number, present: number, future: number, type: 0 | 1): number {
  const payment = pmt(rate, nper, present, future, type);
  if (per === 1) return type === 1 ? 0 : -present * rate;
  const balance = type === 1 ? fv(rate, per - 2, payment, present, 1) - payment : fv(rate, per - 1, payment, present, 0);
  return balance * rate;
}

function pmtFn(_ctx: EvalContext, rate: number, nper: number, present: number, future?: number, type?: number): Value {
  if (nper === 0 || rate <= -1) return Errors.NUM;
  return finite(pmt(rate, nper, present, future ?? 0, typeFlag(type)));
}

function periodPayment(part: "interest" | "principal") {
  return (_ctx: EvalContext, rate: number, per: number, nper: number, present: number, future?: number, type?: number): Value => {
    // A fractional period is used as is; only periods outside [1, nper + 1) are rejected.
    if (per < 1 || per >= nper + 1) return Errors.NUM;
    const t = typeFlag(type);
    const interest = ipmt(rate, per, nper, present, future ?? 0, t);
    return finite(part === "interest" ? interest : pmt(rate, nper, present, future ?? 0, t) - interest);
  };
}

function cumulative(part: "interest" | "principal") {
  return (_ctx: EvalContext, rate: number, nper: number, present: number, start: number, end: number, type: number): Value => {
    const first = Math.ceil(start);
    const last = Math.trunc(end);
    if (rate <= 0 || nper <= 0 || present <= 0 || first < 1 || last < first || last > nper || (type !== 0 && type !== 1)) {
      return Errors.NUM;
    }
    const t = type as 0 | 1;
    const payment = pmt(rate, nper, present, 0, t);
    let total = 0;
    for (let per = first; per <= last; per++) {
      const interest = ipmt(rate, per, nper, present, 0, t);
      total += part === "interest" ? interest : payment - interest;
    }
    return finite(total);
  };
}

function nper(_ctx: EvalContext, rate: number, payment: number, present: number, future = 0, type?: number): Value {
  if (rate === 0) return payment === 0 ? Errors.NUM : finite(-(present + future) / payment);
  const t = typeFlag(type);
  const adjusted = payment * (1 + rate * t);
  const ratio = (adjusted - future * rate) / (adjusted + present * rate);
  if (!(ratio > 0) || rate <= -1) return Errors.NUM;
  return finite(Math.log(ratio) / Math.log(1 + rate));
}

/** The annuity equation's residual and derivative in the rate, for Newton's method. */
function annuityResidual(rate: number, n: number, payment: number, present: number, future: number, t: 0 | 1): [number, number] {
  const growthMinusOne = rate === 0 ? 0 : Math.expm1(n * Math.log1p(rate));
  const growth = 1 + growthMinusOne;
  const growthSlope = n * (1 + rate) ** (n - 1);
  const annuity = rate === 0 ? n : growthMinusOne / rate;
  const annuitySlope = Math.abs(rate) < 1e-7 ? (n * (n - 1)) / 2 : (growthSlope * rate - growthMinusOne) / (rate * rate);
  const factor = 1 + rate * t;
  const value = present * growth + payment * factor * annuity + future;
  const slope = present * growthSlope + payment * (t * annuity + factor * annuitySlope);
  return [value, slope];
}

function solveRate(n: number, payment: number, present: number, future: number, t: 0 | 1, guess: number): number | undefined {
  const f = (rate: number) => annuityResidual(rate, n, payment, present, future, t)[0];
  const df = (rate: number) => annuityResidual(rate, n, payment, present, future, t)[1];
  return newtonFrom(guess, f, df, RATE_LIMITS);
}

function rate(_ctx: EvalContext, n: number, payment: number, present: number, future = 0, type?: number, guess = 0.1): Value {
  if (n <= 0) return Errors.NUM;
  const found = solveRate(n, payment, present, future, typeFlag(type), guess);
  return found === undefined ? Errors.NUM : found;
}

function ispmt(_ctx: EvalContext, rate: number, per: number, n: number, present: number): Value {
  if (n === 0) return Errors.DIV0;
  return present * rate * (per / n - 1);
}

function pduration(_ctx: EvalContext, rate: number, present: number, future: number): Value {
  if (rate <= 0 || present <= 0 || future <= 0) return Errors.NUM;
  return (Math.log(future) - Math.log(present)) / Math.log(1 + rate);
}

function rri(_ctx: EvalContext, n: number, present: number, future: number): Value {
  if (n <= 0) return Errors.NUM;
  if (present === 0) return Errors.NUM;
  return finite((future / present) ** (1 / n) - 1);
}

function effect(_ctx: EvalContext, nominal: number, periods: number): Value {
  const p = Math.trunc(periods);
  if (nominal <= 0 || p < 1) return Errors.NUM;
  return (1 + nominal / p) ** p - 1;
}

function nominal(_ctx: EvalContext, effectRate: number, periods: number): Value {
  const p = Math.trunc(periods);
  if (effectRate <= 0 || p < 1) return Errors.NUM;
  return p * ((1 + effectRate) ** (1 / p) - 1);
}

function dollar(toDecimal: boolean) {
  return (_ctx: EvalContext, value: number, fraction: number): Value => {
    const f = Math.trunc(fraction);
    if (f < 0) return Errors.NUM;
    if (f === 0) return Errors.DIV0;
    const whole = Math.trunc(value);
    const part = value - whole;
    const scale = 10 ** Math.ceil(Math.log10(f));
    return toDecimal ? whole + (part * scale) / f : whole + (part * f) / scale;
  };
}

export const annuityFunctions: FunctionSpec[] = [
  { name: "PMT", minArgs: 3, maxArgs: 5, args: ["number"], impl: pmtFn },
  { name: "IPMT", minArgs: 4, maxArgs: 6, args: ["number"], impl: periodPayment("interest") },
  { name: "PPMT", minArgs: 4, maxArgs: 6, args: ["number"], impl: periodPayment("principal") },
  {
    name: "PV",
    minArgs: 3,
    maxArgs: 5,
    args: ["number"],
    impl: (_ctx: EvalContext, r: number, n: number, p: number, f?: number, t?: number) => finite(pv(r, n, p, f ?? 0, typeFlag(t))),
  },
  {
    name: "FV",
    minArgs: 3,
    maxArgs: 5,
    args: ["number"],
    impl: (_ctx: EvalContext, r: number, n: number, p: number, v?: number, t?: number) =>
      r === -1 && n < 0 ? Errors.DIV0 : finite(fv(r, n, p, v ?? 0, typeFlag(t))),
  },
  { name: "NPER", minArgs: 3, maxArgs: 5, args: ["number"], impl: nper },
  { name: "RATE", minArgs: 3, maxArgs: 6, args: ["number"], impl: rate },
  { name: "ISPMT", minArgs: 4, maxArgs: 4, args: ["number"], impl: ispmt },
  { name: "PDURATION", minArgs: 3, maxArgs: 3, args: ["number"], impl: pduration },
  { name: "RRI", minArgs: 3, maxArgs: 3, args: ["number"], impl: rri },
  ...withStrictNumbers([
    { name: "CUMIPMT", minArgs: 6, maxArgs: 6, args: ["number"], impl: cumulative("interest") },
    { name: "CUMPRINC", minArgs: 6, maxArgs: 6, args: ["number"], impl: cumulative("principal") },
    { name: "EFFECT", minArgs: 2, maxArgs: 2, args: ["number"], impl: effect },
    { name: "NOMINAL", minArgs: 2, maxArgs: 2, args: ["number"], impl: nominal },
    { name: "DOLLARDE", minArgs: 2, maxArgs: 2, args: ["number"], impl: dollar(true) },
    { name: "DOLLARFR", minArgs: 2, maxArgs: 2, args: ["number"], impl: dollar(false) },
  ]),
];
