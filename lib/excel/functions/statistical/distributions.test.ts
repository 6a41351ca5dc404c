import { describe, expect, it } from "vitest";
import { continuousDistributionFunctions } from "@/lib/excel/functions/statistical/distributions-continuous";
import { discreteDistributionFunctions } from "@/lib/excel/functions/statistical/distributions-discrete";
import { callSpec } from "@/test/excel/spec-harness";
import { Errors, type Value } from "@/lib/excel/values";

const specs = [...continuousDistributionFunctions, ...discreteDistributionFunctions];
const call = (name: string, ...args: Value[]) => callSpec(specs, name, args);

/** Values from Microsoft's function reference examples. */
const documented: [string, Value[], number, number][] = [
  ["NORM.DIST", [42, 40, 1.5, true], 0.9087888, 7],
  ["NORM.DIST", [42, 40, 1.5, false], 0.10934, 5],
  ["NORMDIST", [42, 40, 1.5, true], 0.9087888, 7],
  ["NORM.INV", [0.908789, 40, 1.5], 42.000002, 6],
  ["NORM.S.DIST", [1.333333, true], 0.908788726, 9],
  ["NORMSDIST", [1.333333], 0.908788726, 9],
  ["NORM.S.INV", [0.908789], 1.3333347, 6],
  ["NORM.S.INV", [0.001], -3.090232306, 9],
  ["LOGNORM.DIST", [4, 3.5, 1.2, true], 0.0390836, 7],
  ["LOGNORM.DIST", [4, 3.5, 1.2, false], 0.0176176, 7],
  ["LOGNORM.INV", [0.039084, 3.5, 1.2], 4.0000252, 6],
  ["EXPON.DIST", [0.2, 10, true], 0.86466472, 8],
  ["EXPON.DIST", [0.2, 10, false], 1.35335283, 8],
  ["WEIBULL.DIST", [105, 20, 100, true], 0.929581, 6],
  ["WEIBULL.DIST", [105, 20, 100, false], 0.035589, 6],
  ["GAMMA.DIST", [10.00001131, 9, 2, false], 0.032639, 6],
  ["GAMMA.DIST", [10.00001131, 9, 2, true], 0.068094, 6],
  ["GAMMA.INV", [0.068094, 9, 2], 10.0000112, 5],
  ["BETA.DIST", [2, 8, 10, true, 1, 3], 0.6854706, 7],
  ["BETA.DIST", [2, 8, 10, false, 1, 3], 1.4837646, 7],
  ["BETA.INV", [0.685470581, 8, 10, 1, 3], 2, 7],
  ["T.DIST", [60, 1, true], 0.99469533, 8],
  ["T.DIST", [8, 3, false], 0.00073691, 8],
  ["T.DIST.2T", [1.959999998, 60], 0.054645, 6],
  ["T.DIST.RT", [1.959999998, 60], 0.027322, 6],
  ["TDIST", [1.959999998, 60, 2], 0.054645, 6],
  ["T.INV", [0.75, 2], 0.8164966, 7],
  ["T.INV.2T", [0.546449, 60], 0.606533, 6],
  ["CHISQ.DIST", [0.5, 1, true], 0.52049988, 8],
  ["CHISQ.DIST", [2, 3, false], 0.20755375, 8],
  ["CHISQ.DIST.RT", [18.307, 10], 0.0500006, 7],
  ["CHISQ.INV", [0.93, 1], 3.283020286, 8],
  ["CHISQ.INV", [0.6, 2], 1.832581464, 8],
  ["CHISQ.INV.RT", [0.050001, 10], 18.30697, 4],
  ["F.DIST", [15.2069, 6, 4, true], 0.99, 6],
  ["F.DIST", [15.2069, 6, 4, false], 0.0012238, 7],
  ["F.DIST.RT", [15.2068649, 6, 4], 0.01, 7],
  ["F.INV", [0.01, 6, 4], 0.10930991, 7],
  ["F.INV.RT", [0.01, 6, 4], 15.20686, 4],
  ["BINOM.DIST", [6, 10, 0.5, false], 0.2050781, 7],
  ["BINOM.DIST.RANGE", [60, 0.75, 48], 0.084, 3],
  ["BINOM.DIST.RANGE", [60, 0.75, 45, 50], 0.5236297, 6],
  ["BINOM.INV", [6, 0.5, 0.75], 4, 10],
  ["NEGBINOM.DIST", [10, 5, 0.25, true], 0.3135141, 7],
  ["NEGBINOM.DIST", [10, 5, 0.25, false], 0.0550487, 7],
  ["POISSON.DIST", [2, 5, true], 0.124652, 6],
  ["POISSON.DIST", [2, 5, false], 0.084224, 6],
  ["HYPGEOM.DIST", [1, 4, 8, 20, true], 0.4654, 4],
  ["HYPGEOM.DIST", [1, 4, 8, 20, false], 0.3633, 4],
  ["CONFIDENCE.NORM", [0.05, 2.5, 50], 0.692952, 6],
  ["CONFIDENCE.T", [0.05, 1, 50], 0.284196855, 8],
  ["FISHER", [0.75], 0.9729551, 7],
  ["FISHERINV", [0.972955], 0.75, 6],
  ["GAMMA", [2.5], 1.329340388, 8],
  ["GAMMA", [-3.75], 0.267866129, 8],
  ["GAMMALN", [4], 1.791759469, 9],
  ["GAUSS", [2], 0.477249868, 9],
  ["PHI", [0.75], 0.301137432, 9],
];

describe("distributions match Excel's documented examples", () => {
  it.each(documented)("%s(%j)", (name, args, expected, digits) => {
    const result = call(name, ...args);
    expect(typeof result).toBe("number");
    expect(result as number).toBeCloseTo(expected, digits);
  });
});

describe("distribution domain errors", () => {
  it.each([
    ["NORM.DIST", [1, 0, 0, true]],
    ["NORM.INV", [0, 0, 1]],
    ["NORM.S.INV", [1]],
    ["LOGNORM.DIST", [0, 0, 1, true]],
    ["EXPON.DIST", [-1, 1, true]],
    ["GAMMA", [0]],
    ["GAMMA", [-2]],
    ["GAMMALN", [0]],
    ["T.DIST", [1, 0, true]],
    ["CHISQ.DIST", [-1, 2, true]],
    ["BINOM.DIST", [11, 10, 0.5, false]],
    ["POISSON.DIST", [-1, 2, true]],
    ["FISHER", [1]],
    ["CONFIDENCE.NORM", [1, 1, 10]],
  ] as [string, Value[]][])("%s(%j) is #NUM!", (name, args) => {
    expect(call(name, ...args)).toBe(Errors.NUM);
  });

  it("CONFIDENCE.T with one sample divides by zero", () => {
    expect(call("CONFIDENCE.T", 0.05, 1, 1)).toBe(Errors.DIV0);
  });
});
