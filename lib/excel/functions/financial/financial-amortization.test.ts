import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

describe("AMORLINC and AMORDEGRC", () => {
  itFormulas([
    // Microsoft's examples: cost 2400 bought 2008-08-19, first period ends 2008-12-31, salvage 300, rate 15%.
    ["AMORDEGRC(2400,39679,39813,300,1,0.15,1)", 776],
    ["AMORLINC(2400,39679,39813,300,1,0.15,1)", 360],
    ["AMORLINC(2400,39679,39813,300,0,0.15,1)", 2400 * 0.15 * (134 / 366), 9],
    ["AMORLINC(2400,39679,39813,300,5,0.15,1)", 360],
    ["AMORLINC(2400,39679,39813,300,6,0.15,1)", 2400 - 300 - 5 * 360 - 2400 * 0.15 * (134 / 366), 9],
    ["AMORLINC(2400,39679,39813,300,7,0.15,1)", 0],
    ["AMORDEGRC(2400,39679,39813,300,0,0.15,1)", 330],
    // Each period: round(2.5 x 15% x remaining value); the last two share half the value left.
    ["AMORDEGRC(2400,39679,39813,300,2,0.15,1)", 485],
    ["AMORDEGRC(2400,39679,39813,300,3,0.15,1)", 303],
    ["AMORDEGRC(2400,39679,39813,300,4,0.15,1)", 190],
    ["AMORDEGRC(2400,39679,39813,300,5,0.15,1)", 158],
    ["AMORDEGRC(2400,39679,39813,300,6,0.15,1)", 0],
    ["AMORDEGRC(2400,39679,39813,300,1,0.45,1)", Errors.NUM],
    ["AMORLINC(2400,39679,39813,300,1,0.15,2)", Errors.NUM],
    ["AMORLINC(2400,39813,39679,300,1,0.15,1)", Errors.NUM],
    ["AMORLINC(2400,39679,39813,3000,1,0.15)", Errors.NUM],
    ["AMORLINC(TRUE,39679,39813,300,1,0.15)", Errors.VALUE],
  ]);
});
