/** Continuous distributions: normal, lognormal, exponential, Weibull, gamma, beta, t, chi-squared, F. */
import { numResult } from "@/lib/excel/functions/collect";
import * as sf from "@/lib/excel/functions/statistical/special-functions";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, type ExcelError } from "@/lib/excel/values";

type Num = number | ExcelError;

function spec(name: string, min: number, max: number, fn: (...args: never[]) => Num, kinds: FunctionSpec["args"] = ["number"]): FunctionSpec {
  return { name, minArgs: min, maxArgs: max, args: kinds, impl: (_ctx: EvalContext, ...args: never[]) => fn(...args) };
}

const NUM4_BOOL: FunctionSpec["args"] = ["number", "number", "number", "boolean"];

function normDist(x: number, mean: number, sd: number, cumulative: boolean): Num {
  if (sd <= 0) return Errors.NUM;
  const z = (x - mean) / sd;
  return cumulative ? sf.normalCdf(z) : sf.normalPdf(z) / sd;
}

function normInv(p: number, mean: number, sd: number): Num {
  if (p <= 0 || p >= 1 || sd <= 0) return Errors.NUM;
  return mean + sd * sf.normalInv(p);
}

function lognormDist(x: number, mean: number, sd: number, cumulative = true): Num {
  if (x <= 0 || sd <= 0) return Errors.NUM;
  const z = (Math.log(x) - mean) / sd;
  return cumulative ? sf.normalCdf(z) : sf.normalPdf(z) / (x * sd);
}

function lognormInv(p: number, mean: number, sd: number): Num {
  if (p <= 0 || p >= 1 || sd <= 0) return Errors.NUM;
  return Math.exp(mean + sd * sf.normalInv(p));
}

function gammaDist(x: number, alpha: number, beta: number, cumulative: boolean): Num {
  if (x < 0 || alpha <= 0 || beta <= 0) return Errors.NUM;
  if (cumulative) return sf.gammaP(alpha, x / beta);
  if (x === 0) return alpha < 1 ? Errors.NUM : alpha === 1 ? 1 / beta : 0;
  return numResult(Math.exp((alpha - 1) * Math.log(x) - x / beta - sf.logGamma(alpha) - alpha * Math.log(beta)));
}

function gammaInv(p: number, alpha: number, beta: number): Num {
  if (p < 0 || p >= 1 || alpha <= 0 || beta <= 0) return Errors.NUM;
  if (p === 0) return 0;
  return sf.invertCdf((x) => sf.gammaP(alpha, x / beta), p, 0, Math.max(1, alpha * beta * 2));
}

function betaDist(x: number, alpha: number, beta: number, cumulative: boolean, lower = 0, upper = 1): Num {
  if (alpha <= 0 || beta <= 0 || x < lower || x > upper || lower === upper) return Errors.NUM;
  const t = (x - lower) / (upper - lower);
  if (cumulative) return sf.betaI(t, alpha, beta);
  const lnPdf = (alpha - 1) * Math.log(t) + (beta - 1) * Math.log(1 - t) + sf.logGamma(alpha + beta) - sf.logGamma(alpha) - sf.logGamma(beta);
  return numResult(Math.exp(lnPdf) / (upper - lower));
}

function betaInv(p: number, alpha: number, beta: number, lower = 0, upper = 1): Num {
  if (p <= 0 || p > 1 || alpha <= 0 || beta <= 0 || lower >= upper) return Errors.NUM;
  return lower + (upper - lower) * sf.invertCdf((t) => sf.betaI(t, alpha, beta), p, 0, 1);
}

export function tCdf(x: number, df: number): number {
  const tail = 0.5 * sf.betaI(df / (df + x * x), df / 2, 0.5);
  return x >= 0 ? 1 - tail : tail;
}

function tPdf(x: number, df: number): number {
  return Math.exp(sf.logGamma((df + 1) / 2) - sf.logGamma(df / 2) - ((df + 1) / 2) * Math.log(1 + (x * x) / df)) / Math.sqrt(df * Math.PI);
}

function tInv(p: number, df: number): number {
  if (p === 0.5) return 0;
  if (p < 0.5) return -tInv(1 - p, df);
  return sf.invertCdf((x) => tCdf(x, df), p, 0, 10);
}

function chiCdf(x: number, df: number): number {
  return sf.gammaP(df / 2, x / 2);
}

export function chiSurvival(x: number, df: number): number {
  return sf.gammaQ(df / 2, x / 2);
}

function fSurvival(x: number, d1: number, d2: number): number {
  return sf.betaI(d2 / (d2 + d1 * x), d2 / 2, d1 / 2);
}

function chiPdf(x: number, df: number): number {
  if (x === 0) return df === 2 ? 0.5 : 0;
  return Math.exp((df / 2 - 1) * Math.log(x) - x / 2 - (df / 2) * Math.LN2 - sf.logGamma(df / 2));
}

export function fCdf(x: number, d1: number, d2: number): number {
  return sf.betaI((d1 * x) / (d1 * x + d2), d1 / 2, d2 / 2);
}

function fPdf(x: number, d1: number, d2: number): number {
  if (x === 0) return d1 === 2 ? 1 : 0;
  const ln = (d1 / 2) * Math.log(d1 / d2) + (d1 / 2 - 1) * Math.log(x) - ((d1 + d2) / 2) * Math.log(1 + (d1 * x) / d2);
  return Math.exp(ln + sf.logGamma((d1 + d2) / 2) - sf.logGamma(d1 / 2) - sf.logGamma(d2 / 2));
}

function exponDist(x: number, lambda: number, cumulative: boolean): Num {
  if (x < 0 || lambda <= 0) return Errors.NUM;
  return cumulative ? 1 - Math.exp(-lambda * x) : lambda * Math.exp(-lambda * x);
}

function weibullDist(x: number, alpha: number, beta: number, cumulative: boolean): Num {
  if (x < 0 || alpha <= 0 || beta <= 0) return Errors.NUM;
  const u = Math.pow(x / beta, alpha);
  return cumulative ? 1 - Math.exp(-u) : (alpha / beta) * Math.pow(x / beta, alpha - 1) * Math.exp(-u);
}

const badDf = (df: number) => df < 1 || df > 1e10;
const badP = (p: number) => p <= 0 || p > 1;

export const continuousDistributionFunctions: FunctionSpec[] = [
  spec("NORM.DIST", 4, 4, normDist, NUM4_BOOL),
  spec("NORMDIST", 4, 4, normDist, NUM4_BOOL),
  spec("NORM.INV", 3, 3, normInv),
  spec("NORMINV", 3, 3, normInv),
  spec("NORM.S.DIST", 2, 2, ((z: number, cumulative: boolean) => normDist(z, 0, 1, cumulative)), ["number", "boolean"]),
  spec("NORMSDIST", 1, 1, (z) => sf.normalCdf(z as number)),
  spec("NORM.S.INV", 1, 1, (p) => normInv(p as number, 0, 1)),
  spec("NORMSINV", 1, 1, (p) => normInv(p as number, 0, 1)),
  spec("GAUSS", 1, 1, (z) => sf.normalCdf(z as number) - 0.5),
  spec("PHI", 1, 1, (z) => sf.normalPdf(z as number)),
  spec("LOGNORM.DIST", 4, 4, lognormDist, NUM4_BOOL),
  spec("LOGNORMDIST", 3, 3, (x, m, s) => lognormDist(x as number, m as number, s as number)),
  spec("LOGNORM.INV", 3, 3, lognormInv),
  spec("LOGINV", 3, 3, lognormInv),
  spec("EXPON.DIST", 3, 3, exponDist, ["number", "number", "boolean"]),
  spec("EXPONDIST", 3, 3, exponDist, ["number", "number", "boolean"]),
  spec("WEIBULL.DIST", 4, 4, weibullDist, NUM4_BOOL),
  spec("WEIBULL", 4, 4, weibullDist, NUM4_BOOL),
  spec("GAMMA.DIST", 4, 4, gammaDist, NUM4_BOOL),
  spec("GAMMADIST", 4, 4, gammaDist, NUM4_BOOL),
  spec("GAMMA.INV", 3, 3, gammaInv),
  spec("GAMMAINV", 3, 3, gammaInv),
  spec("GAMMA", 1, 1, (x) => ((x as number) <= 0 && Number.isInteger(x) ? Errors.NUM : numResult(sf.gamma(x as number)))),
  spec("GAMMALN", 1, 1, (x) => ((x as number) <= 0 ? Errors.NUM : sf.logGamma(x as number))),
  spec("GAMMALN.PRECISE", 1, 1, (x) => ((x as number) <= 0 ? Errors.NUM : sf.logGamma(x as number))),
  spec("BETA.DIST", 4, 6, betaDist, ["number", "number", "number", "boolean", "number"]),
  spec("BETADIST", 3, 5, (x, a, b, lo, hi) => betaDist(x as number, a as number, b as number, true, lo, hi)),
  spec("BETA.INV", 3, 5, betaInv),
  spec("BETAINV", 3, 5, betaInv),
  spec(
    "T.DIST",
    3,
    3,
    ((x: number, df: number, cumulative: boolean) => {
      const d = Math.trunc(df);
      if (d < 1) return Errors.NUM;
      return cumulative ? tCdf(x, d) : tPdf(x, d);
    }),
    ["number", "number", "boolean"],
  ),
  spec("T.DIST.2T", 2, 2, (x, df) => (x < 0 || Math.trunc(df as number) < 1 ? Errors.NUM : 2 * (1 - tCdf(x, Math.trunc(df as number))))),
  spec("T.DIST.RT", 2, 2, (x, df) => (Math.trunc(df as number) < 1 ? Errors.NUM : 1 - tCdf(x as number, Math.trunc(df as number)))),
  spec("TDIST", 3, 3, (x, df, tails) => {
    const d = Math.trunc(df as number);
    const t = Math.trunc(tails as number);
    if ((x as number) < 0 || d < 1 || (t !== 1 && t !== 2)) return Errors.NUM;
    return t * (1 - tCdf(x as number, d));
  }),
  spec("T.INV", 2, 2, (p, df) => (badP(p as number) || (p as number) === 1 || Math.trunc(df as number) < 1 ? Errors.NUM : tInv(p as number, Math.trunc(df as number)))),
  spec("T.INV.2T", 2, 2, (p, df) => (badP(p as number) || Math.trunc(df as number) < 1 ? Errors.NUM : tInv(1 - (p as number) / 2, Math.trunc(df as number)))),
  spec("TINV", 2, 2, (p, df) => (badP(p as number) || Math.trunc(df as number) < 1 ? Errors.NUM : tInv(1 - (p as number) / 2, Math.trunc(df as number)))),
  spec(
    "CHISQ.DIST",
    3,
    3,
    ((x: number, df: number, cumulative: boolean) => {
      const d = Math.trunc(df);
      if (x < 0 || badDf(d)) return Errors.NUM;
      return cumulative ? chiCdf(x, d) : chiPdf(x, d);
    }),
    ["number", "number", "boolean"],
  ),
  spec("CHISQ.DIST.RT", 2, 2, (x, df) => ((x as number) < 0 || badDf(Math.trunc(df as number)) ? Errors.NUM : chiSurvival(x as number, Math.trunc(df as number)))),
  spec("CHIDIST", 2, 2, (x, df) => ((x as number) < 0 || badDf(Math.trunc(df as number)) ? Errors.NUM : chiSurvival(x as number, Math.trunc(df as number)))),
  spec("CHISQ.INV", 2, 2, (p, df) => {
    const d = Math.trunc(df as number);
    if ((p as number) < 0 || (p as number) >= 1 || badDf(d)) return Errors.NUM;
    return sf.invertCdf((x) => chiCdf(x, d), p as number, 0, Math.max(1, 2 * d));
  }),
  ...["CHISQ.INV.RT", "CHIINV"].map((name) =>
    spec(name, 2, 2, (p, df) => {
      const d = Math.trunc(df as number);
      if (badP(p as number) || badDf(d)) return Errors.NUM;
      return sf.invertCdf((x) => -chiSurvival(x, d), -(p as number), 0, Math.max(1, 2 * d));
    }),
  ),
  spec(
    "F.DIST",
    4,
    4,
    ((x: number, d1: number, d2: number, cumulative: boolean) => {
      const [a, b] = [Math.trunc(d1), Math.trunc(d2)];
      if (x < 0 || badDf(a) || badDf(b)) return Errors.NUM;
      return cumulative ? fCdf(x, a, b) : fPdf(x, a, b);
    }),
    NUM4_BOOL,
  ),
  ...["F.DIST.RT", "FDIST"].map((name) =>
    spec(name, 3, 3, (x, d1, d2) => {
      const [a, b] = [Math.trunc(d1 as number), Math.trunc(d2 as number)];
      if ((x as number) < 0 || badDf(a) || badDf(b)) return Errors.NUM;
      return fSurvival(x as number, a, b);
    }),
  ),
  spec("F.INV", 3, 3, (p, d1, d2) => {
    const [a, b] = [Math.trunc(d1 as number), Math.trunc(d2 as number)];
    if ((p as number) < 0 || (p as number) >= 1 || badDf(a) || badDf(b)) return Errors.NUM;
    return sf.invertCdf((x) => fCdf(x, a, b), p as number, 0, 10);
  }),
  ...["F.INV.RT", "FINV"].map((name) =>
    spec(name, 3, 3, (p, d1, d2) => {
      const [a, b] = [Math.trunc(d1 as number), Math.trunc(d2 as number)];
      if (badP(p as number) || badDf(a) || badDf(b)) return Errors.NUM;
      return sf.invertCdf((x) => -fSurvival(x, a, b), -(p as number), 0, 10);
    }),
  ),
  spec("CONFIDENCE.T", 3, 3, (alpha, sd, size) => {
    const n = Math.trunc(size as number);
    if ((alpha as number) <= 0 || (alpha as number) >= 1 || (sd as number) <= 0 || n < 1) return Errors.NUM;
    if (n === 1) return Errors.DIV0;
    return (tInv(1 - (alpha as number) / 2, n - 1) * (sd as number)) / Math.sqrt(n);
  }),
  spec("FISHER", 1, 1, (x) => (Math.abs(x as number) >= 1 ? Errors.NUM : Math.atanh(x as number))),
  spec("FISHERINV", 1, 1, (y) => Math.tanh(y as number)),
];
