/**
 * BESSELI, BESSELJ, BESSELK, BESSELY. Excel computes orders 0 and 1 with the rational and polynomial
 * approximations of Abramowitz & Stegun (9.4, 9.8) and higher orders by recurrence: upward for K and Y
 * (and J when x > n), Miller's downward recurrence for I and J otherwise. Its results carry those
 * approximations' error (about 1e-8), so we compute the same way to reproduce them, not the exact values.
 */
import { withStrictNumbers } from "@/lib/excel/functions/strict-numbers";
import type { EvalContext, FunctionSpec } from "@/lib/excel/functions/types";
import { Errors, type Value } from "@/lib/excel/values";

/** Horner evaluation of c[0] + c[1] y + c[2] y^2 + ... */
function poly(y: number, c: readonly number[]): number {
  let sum = 0;
  for (let i = c.length - 1; i >= 0; i--) sum = sum * y + (c[i] as number);
  return sum;
}

const TWO_OVER_PI = 0.636619772;
const ASYMPTOTIC_P0 = [1, -0.1098628627e-2, 0.2734510407e-4, -0.2073370639e-5, 0.2093887211e-6];
const ASYMPTOTIC_Q0 = [-0.1562499995e-1, 0.1430488765e-3, -0.6911147651e-5, 0.7621095161e-6, -0.934935152e-7];
const ASYMPTOTIC_P1 = [1, 0.183105e-2, -0.3516396496e-4, 0.2457520174e-5, -0.240337019e-6];
const ASYMPTOTIC_Q1 = [0.04687499995, -0.2002690873e-3, 0.8449199096e-5, -0.88228987e-6, 0.105787412e-6];

/** Amplitude-phase form for x >= 8: [sqrt(2/(pi x)), cos, sin terms]. */
function asymptotic(x: number, phase: number, p: readonly number[], q: readonly number[]): { cos: number; sin: number } {
  const z = 8 / x;
  const y = z * z;
  const xx = x - phase;
  const amplitude = Math.sqrt(TWO_OVER_PI / x);
  const pp = poly(y, p);
  const qq = z * poly(y, q);
  return { cos: amplitude * (Math.cos(xx) * pp - Math.sin(xx) * qq), sin: amplitude * (Math.sin(xx) * pp + Math.cos(xx) * qq) };
}

function j0(x: number): number {
  const ax = Math.abs(x);
  if (ax < 8) {
    const y = x * x;
    return poly(y, [57568490574.0, -13362590354.0, 651619640.7, -11214424.18, 77392.33017, -184.9052456]) / poly(y, [57568490411.0, 1029532985.0, 9494680.718, 59272.64853, 267.8532712, 1]);
  }
  return asymptotic(ax, 0.785398164, ASYMPTOTIC_P0, ASYMPTOTIC_Q0).cos;
}

function j1(x: number): number {
  const ax = Math.abs(x);
  if (ax < 8) {
    const y = x * x;
    return (x * poly(y, [72362614232.0, -7895059235.0, 242396853.1, -2972611.439, 15704.4826, -30.16036606])) / poly(y, [144725228442.0, 2300535178.0, 18583304.74, 99447.43394, 376.9991397, 1]);
  }
  const value = asymptotic(ax, 2.356194491, ASYMPTOTIC_P1, ASYMPTOTIC_Q1).cos;
  return x < 0 ? -value : value;
}

function y0(x: number): number {
  if (x < 8) {
    const y = x * x;
    const ratio = poly(y, [-2957821389.0, 7062834065.0, -512359803.6, 10879881.29, -86327.92757, 228.4622733]) / poly(y, [40076544269.0, 745249964.8, 7189466.438, 47447.2647, 226.1030244, 1]);
    return ratio + TWO_OVER_PI * j0(x) * Math.log(x);
  }
  return asymptotic(x, 0.785398164, ASYMPTOTIC_P0, ASYMPTOTIC_Q0).sin;
}

function y1(x: number): number {
  if (x < 8) {
    const y = x * x;
    const ratio = (x * poly(y, [-0.4900604943e13, 0.127527439e13, -0.5153438139e11, 0.7349264551e9, -0.4237922726e7, 0.8511937935e4])) / poly(y, [0.249958057e14, 0.4244419664e12, 0.3733650367e10, 0.2245904002e8, 0.102042605e6, 0.3549632885e3, 1]);
    return ratio + TWO_OVER_PI * (j1(x) * Math.log(x) - 1 / x);
  }
  return asymptotic(x, 2.356194491, ASYMPTOTIC_P1, ASYMPTOTIC_Q1).sin;
}

function i0(x: number): number {
  const ax = Math.abs(x);
  if (ax < 3.75) return poly((x / 3.75) ** 2, [1, 3.5156229, 3.0899424, 1.2067492, 0.2659732, 0.360768e-1, 0.45813e-2]);
  const y = 3.75 / ax;
  return (Math.exp(ax) / Math.sqrt(ax)) * poly(y, [0.39894228, 0.1328592e-1, 0.225319e-2, -0.157565e-2, 0.916281e-2, -0.2057706e-1, 0.2635537e-1, -0.1647633e-1, 0.392377e-2]);
}

function i1(x: number): number {
  const ax = Math.abs(x);
  let value: number;
  if (ax < 3.75) value = ax * poly((x / 3.75) ** 2, [0.5, 0.87890594, 0.51498869, 0.15084934, 0.2658733e-1, 0.301532e-2, 0.32411e-3]);
  else {
    const y = 3.75 / ax;
    value = (Math.exp(ax) / Math.sqrt(ax)) * poly(y, [0.39894228, -0.3988024e-1, -0.362018e-2, 0.163801e-2, -0.1031555e-1, 0.2282967e-1, -0.2895312e-1, 0.1787654e-1, -0.420059e-2]);
  }
  return x < 0 ? -value : value;
}

function k0(x: number): number {
  if (x <= 2) {
    const y = (x * x) / 4;
    return -Math.log(x / 2) * i0(x) + poly(y, [-0.57721566, 0.4227842, 0.23069756, 0.348859e-1, 0.262698e-2, 0.1075e-3, 0.74e-5]);
  }
  return (Math.exp(-x) / Math.sqrt(x)) * poly(2 / x, [1.25331414, -0.7832358e-1, 0.2189568e-1, -0.1062446e-1, 0.587872e-2, -0.25154e-2, 0.53208e-3]);
}

function k1(x: number): number {
  if (x <= 2) {
    const y = (x * x) / 4;
    return Math.log(x / 2) * i1(x) + (1 / x) * poly(y, [1, 0.15443144, -0.67278579, -0.18156897, -0.1919402e-1, -0.110404e-2, -0.4686e-4]);
  }
  return (Math.exp(-x) / Math.sqrt(x)) * poly(2 / x, [1.25331414, 0.23498619, -0.365562e-1, 0.1504268e-1, -0.780353e-2, 0.325614e-2, -0.68245e-3]);
}

/** Start of Miller's downward recurrence: an even order comfortably above n. */
const MILLER_ACCURACY = 40;
const BIG = 1e10;
const SMALL = 1e-10;

function millerStart(n: number): number {
  return 2 * Math.trunc((n + Math.trunc(Math.sqrt(MILLER_ACCURACY * n))) / 2);
}

function besselJ(x: number, n: number): number {
  if (n === 0) return j0(x);
  if (n === 1) return j1(x);
  const ax = Math.abs(x);
  if (ax === 0) return 0;
  const tox = 2 / ax;
  let result: number;
  if (ax > n) {
    let previous = j0(ax);
    let current = j1(ax);
    for (let j = 1; j < n; j++) [previous, current] = [current, j * tox * current - previous];
    result = current;
  } else {
    let even = false;
    let sum = 0;
    let above = 0;
    let current = 1;
    result = 0;
    for (let j = millerStart(n); j > 0; j--) {
      const below = j * tox * current - above;
      above = current;
      current = below;
      if (Math.abs(current) > BIG) {
        current *= SMALL;
        above *= SMALL;
        result *= SMALL;
        sum *= SMALL;
      }
      if (even) sum += current;
      even = !even;
      if (j === n) result = above;
    }
    result /= 2 * sum - current;
  }
  return x < 0 && n % 2 === 1 ? -result : result;
}

function besselI(x: number, n: number): number {
  if (n === 0) return i0(x);
  if (n === 1) return i1(x);
  if (x === 0) return 0;
  const tox = 2 / Math.abs(x);
  let above = 0;
  let current = 1;
  let result = 0;
  for (let j = 2 * (n + Math.trunc(Math.sqrt(MILLER_ACCURACY * n))); j > 0; j--) {
    const below = above + j * tox * current;
    above = current;
    current = below;
    if (Math.abs(current) > BIG) {
      result *= SMALL;
      current *= SMALL;
      above *= SMALL;
    }
    if (j === n) result = above;
  }
  result *= i0(x) / current;
  return x < 0 && n % 2 === 1 ? -result : result;
}

/** Upward recurrence from orders 0 and 1: K(n+1) = K(n-1) + 2n/x K(n), Y(n+1) = 2n/x Y(n) - Y(n-1). */
function upward(x: number, n: number, first: number, second: number, sign: 1 | -1): number {
  if (n === 0) return first;
  const tox = 2 / x;
  let previous = first;
  let current = second;
  for (let j = 1; j < n; j++) [previous, current] = [current, sign * previous + j * tox * current];
  return current;
}

type Bessel = (x: number, n: number) => Value;

function spec(name: string, compute: Bessel): FunctionSpec {
  return {
    name,
    minArgs: 2,
    maxArgs: 2,
    args: ["number", "number"],
    impl: (_ctx: EvalContext, x: number, order: number): Value => {
      const n = Math.trunc(order);
      if (n < 0) return Errors.NUM;
      const value = compute(x, n);
      return typeof value === "number" && !Number.isFinite(value) ? Errors.NUM : value;
    },
  };
}

export const besselFunctions: FunctionSpec[] = withStrictNumbers([
  spec("BESSELI", besselI),
  spec("BESSELJ", besselJ),
  spec("BESSELK", (x, n) => (x <= 0 ? Errors.NUM : upward(x, n, k0(x), k1(x), 1))),
  spec("BESSELY", (x, n) => (x <= 0 ? Errors.NUM : upward(x, n, y0(x), y1(x), -1))),
]);
