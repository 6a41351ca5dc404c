/** Discrete distributions and confidence intervals: binomial, negative binomial, Poisson, hypergeometric. */
import { combin } from "@/lib/excel/functions/math/math-basic";
import * as sf from "@/lib/excel/functions/statistical/special-functions";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, type ExcelError } from "@/lib/excel/values";

type Num = number | ExcelError;

function logCombin(n: number, k: number): number {
  return sf.logGamma(n + 1) - sf.logGamma(k + 1) - sf.logGamma(n - k + 1);
}

function binomPmf(k: number, n: number, p: number): number {
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  if (n < 1000) return combin(n, k) * Math.pow(p, k) * Math.pow(1 - p, n - k);
  return Math.exp(logCombin(n, k) + k * Math.log(p) + (n - k) * Math.log(1 - p));
}

/** P(X <= k): summed term by term for small k (as Excel does), else through the incomplete beta. */
function binomCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (k < 1000) {
    let total = 0;
    for (let i = 0; i <= k; i++) total += binomPmf(i, n, p);
    return Math.min(1, total);
  }
  return sf.betaI(1 - p, n - k, k + 1);
}

function binomDist(k: number, n: number, p: number, cumulative: boolean): Num {
  const [kk, nn] = [Math.trunc(k), Math.trunc(n)];
  if (kk < 0 || kk > nn || p < 0 || p > 1 || nn >= 2 ** 53) return Errors.NUM;
  return cumulative ? binomCdf(kk, nn, p) : binomPmf(kk, nn, p);
}

function binomInv(n: number, p: number, alpha: number): Num {
  const nn = Math.trunc(n);
  if (nn < 0 || p <= 0 || p >= 1 || alpha <= 0 || alpha >= 1) return Errors.NUM;
  let lo = 0;
  let hi = nn;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (binomCdf(mid, nn, p) >= alpha * (1 - 1e-15)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function poissonDist(x: number, mean: number, cumulative: boolean): Num {
  if (x < 0 || mean < 0) return Errors.NUM;
  const k = Math.trunc(x);
  const pmf = (i: number) => Math.exp(i * Math.log(mean) - mean - sf.logGamma(i + 1));
  if (mean === 0) return cumulative || k === 0 ? 1 : 0;
  if (!cumulative) return pmf(k);
  return 1 - sf.gammaP(k + 1, mean);
}

function negBinomDist(f: number, s: number, p: number, cumulative: boolean): Num {
  const [ff, ss] = [Math.trunc(f), Math.trunc(s)];
  if (ff < 0 || ss < 1 || p <= 0 || p >= 1) return Errors.NUM;
  if (cumulative) return sf.betaI(p, ss, ff + 1);
  return combin(ff + ss - 1, ss - 1) * Math.pow(p, ss) * Math.pow(1 - p, ff);
}

function hypgeomPmf(k: number, n: number, successes: number, population: number): number {
  return Math.exp(logCombin(successes, k) + logCombin(population - successes, n - k) - logCombin(population, n));
}

function hypgeomDist(k: number, n: number, successes: number, population: number, cumulative: boolean): Num {
  const [kk, nn, mm, pp] = [k, n, successes, population].map(Math.trunc) as [number, number, number, number];
  if (kk < 0 || kk > nn || kk > mm || nn <= 0 || nn > pp || mm <= 0 || mm > pp || pp <= 0 || kk < nn - pp + mm) return Errors.NUM;
  if (!cumulative) return hypgeomPmf(kk, nn, mm, pp);
  let total = 0;
  for (let i = Math.max(0, nn - pp + mm); i <= kk; i++) total += hypgeomPmf(i, nn, mm, pp);
  return Math.min(1, total);
}

function spec(name: string, min: number, max: number, kinds: FunctionSpec["args"], fn: (...args: never[]) => Num): FunctionSpec {
  return { name, minArgs: min, maxArgs: max, args: kinds, impl: (_ctx: EvalContext, ...args: never[]) => fn(...args) };
}

const N3B: FunctionSpec["args"] = ["number", "number", "number", "boolean"];

function confidenceNorm(alpha: number, sd: number, size: number): Num {
  const n = Math.trunc(size);
  if (alpha <= 0 || alpha >= 1 || sd <= 0 || n < 1) return Errors.NUM;
  return (-sf.normalInv(alpha / 2) * sd) / Math.sqrt(n);
}

export const discreteDistributionFunctions: FunctionSpec[] = [
  spec("BINOM.DIST", 4, 4, N3B, binomDist),
  spec("BINOMDIST", 4, 4, N3B, binomDist),
  spec("BINOM.DIST.RANGE", 3, 4, ["number"], (n: number, p: number, s: number, s2?: number) => {
    const [nn, lo, hi] = [Math.trunc(n), Math.trunc(s), Math.trunc(s2 ?? s)];
    if (p < 0 || p > 1 || lo < 0 || lo > nn || hi < lo || hi > nn) return Errors.NUM;
    if (hi - lo > 1000) return binomCdf(hi, nn, p) - binomCdf(lo - 1, nn, p);
    let total = 0;
    for (let i = lo; i <= hi; i++) total += binomPmf(i, nn, p);
    return total;
  }),
  spec("BINOM.INV", 3, 3, ["number"], binomInv),
  spec("CRITBINOM", 3, 3, ["number"], binomInv),
  spec("NEGBINOM.DIST", 4, 4, N3B, negBinomDist),
  spec("NEGBINOMDIST", 3, 3, ["number"], (f: number, s: number, p: number) => negBinomDist(f, s, p, false)),
  spec("POISSON.DIST", 3, 3, ["number", "number", "boolean"], poissonDist),
  spec("POISSON", 3, 3, ["number", "number", "boolean"], poissonDist),
  spec("HYPGEOM.DIST", 5, 5, ["number", "number", "number", "number", "boolean"], hypgeomDist),
  spec("HYPGEOMDIST", 4, 4, ["number"], (k: number, n: number, m: number, p: number) => hypgeomDist(k, n, m, p, false)),
  spec("CONFIDENCE", 3, 3, ["number"], confidenceNorm),
  spec("CONFIDENCE.NORM", 3, 3, ["number"], confidenceNorm),
];
