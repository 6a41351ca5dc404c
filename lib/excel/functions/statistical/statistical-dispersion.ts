/** Dispersion and shape: STDEV*, VAR*, AVEDEV, DEVSQ, GEOMEAN, HARMEAN, KURT, SKEW. */
import type { CollectOptions } from "@/lib/excel/functions/collect";
import { numbersSpec } from "@/lib/excel/functions/statistical/statistical-basic";
import * as stats from "@/lib/excel/functions/statistical/statistics-core";
import type { FunctionSpec } from "@/lib/excel/functions/types";
import { Errors } from "@/lib/excel/values";

const A_OPTIONS: CollectOptions = { textAndBooleansInRanges: true };
const sampleVar = (xs: number[]) => stats.variance(xs, true);
const populationVar = (xs: number[]) => stats.variance(xs, false);
const sampleSd = (xs: number[]) => stats.stdev(xs, true);
const populationSd = (xs: number[]) => stats.stdev(xs, false);

export const statisticalDispersionFunctions: FunctionSpec[] = [
  numbersSpec("STDEV", sampleSd),
  numbersSpec("STDEV.S", sampleSd),
  numbersSpec("STDEVP", populationSd),
  numbersSpec("STDEV.P", populationSd),
  numbersSpec("STDEVA", sampleSd, A_OPTIONS),
  numbersSpec("STDEVPA", populationSd, A_OPTIONS),
  numbersSpec("VAR", sampleVar),
  numbersSpec("VAR.S", sampleVar),
  numbersSpec("VARP", populationVar),
  numbersSpec("VAR.P", populationVar),
  numbersSpec("VARA", sampleVar, A_OPTIONS),
  numbersSpec("VARPA", populationVar, A_OPTIONS),
  numbersSpec("DEVSQ", (xs) => (xs.length === 0 ? Errors.NUM : stats.devsq(xs))),
  numbersSpec("AVEDEV", (xs) => {
    if (xs.length === 0) return Errors.NUM;
    const mean = stats.sum(xs) / xs.length;
    return stats.sum(xs.map((x) => Math.abs(x - mean))) / xs.length;
  }),
  numbersSpec("GEOMEAN", (xs) => {
    if (xs.length === 0 || xs.some((x) => x <= 0)) return Errors.NUM;
    return Math.exp(stats.sum(xs.map(Math.log)) / xs.length);
  }),
  numbersSpec("HARMEAN", (xs) => {
    if (xs.length === 0 || xs.some((x) => x <= 0)) return Errors.NUM;
    return xs.length / stats.sum(xs.map((x) => 1 / x));
  }),
  numbersSpec("KURT", stats.kurt),
  numbersSpec("SKEW", (xs) => stats.skew(xs, false)),
  numbersSpec("SKEW.P", (xs) => stats.skew(xs, true)),
];
