/**
 * The rate solvers of Excel's iterative financial functions: Newton's method from the guess, stopping
 * when a step is below the documented tolerance and giving up (#NUM!) after the documented number of
 * iterations. A step that would leave the domain (rate <= -1) goes halfway to -1 instead, which is how
 * Excel reaches the deeply negative rates it reports. No fallback search: a root this iteration does not
 * reach is #NUM!, as in Excel.
 */
export interface NewtonLimits {
  readonly maxIterations: number;
  readonly tolerance: number;
}

/** IRR: "accurate within 0.00001 percent", "#NUM! after 20 tries". */
export const IRR_LIMITS: NewtonLimits = { maxIterations: 20, tolerance: 1e-7 };
/** XIRR: "accurate within 0.000001 percent", "#NUM! after 100 tries". */
export const XIRR_LIMITS: NewtonLimits = { maxIterations: 100, tolerance: 1e-8 };
/** RATE: "do not converge to within 0.0000001 after 20 iterations". */
export const RATE_LIMITS: NewtonLimits = { maxIterations: 20, tolerance: 1e-7 };

/** The root reached from `guess`, or undefined when the iteration fails or leaves the domain (rate > -1). */
export function newtonFrom(guess: number, f: (r: number) => number, df: (r: number) => number, limits: NewtonLimits): number | undefined {
  let r = guess;
  for (let i = 0; i < limits.maxIterations; i++) {
    const value = f(r);
    const slope = df(r);
    if (!Number.isFinite(value) || !Number.isFinite(slope) || slope === 0) return undefined;
    let next = r - value / slope;
    if (!Number.isFinite(next)) return undefined;
    if (next <= -1) next = (r - 1) / 2;
    if (Math.abs(next - r) < limits.tolerance) return next;
    r = next;
  }
  return undefined;
}
