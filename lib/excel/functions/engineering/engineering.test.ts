import { describe, it, expect } from "vitest";
import { baseFunctions } from "@/lib/excel/functions/engineering/engineering-bases";
import { complexFunctions } from "@/lib/excel/functions/engineering/engineering-complex";
import { convertFunctions } from "@/lib/excel/functions/engineering/engineering-convert";
import { engineeringMiscFunctions } from "@/lib/excel/functions/engineering/engineering-misc";
import { arr, callSpec } from "@/test/excel/spec-harness";
import { Errors, type Value } from "@/lib/excel/values";

const specs = [...baseFunctions, ...engineeringMiscFunctions, ...convertFunctions, ...complexFunctions];
const call = (name: string, ...args: (Value | undefined)[]) => callSpec(specs, name, args);
const num = (name: string, ...args: (Value | undefined)[]) => call(name, ...args) as number;

describe("base conversions", () => {
  it("reads binary, octal and hex with two's complement", () => {
    expect(call("BIN2DEC", 1100100)).toBe(100);
    expect(call("BIN2DEC", "1111111111")).toBe(-1);
    expect(call("BIN2DEC", "11111111111")).toBe(Errors.NUM);
    expect(call("BIN2DEC", "102")).toBe(Errors.NUM);
    expect(call("HEX2DEC", "A5")).toBe(165);
    expect(call("HEX2DEC", "FFFFFFFF5B")).toBe(-165);
    expect(call("HEX2DEC", "3DA408B9")).toBe(1034160313);
    expect(call("OCT2DEC", 54)).toBe(44);
    expect(call("OCT2DEC", "7777777533")).toBe(-165);
  });
  it("writes with places and negative numbers", () => {
    expect(call("DEC2BIN", 9, 4)).toBe("1001");
    expect(call("DEC2BIN", -100)).toBe("1110011100");
    expect(call("DEC2BIN", 512)).toBe(Errors.NUM);
    expect(call("DEC2BIN", 9, 3)).toBe(Errors.NUM);
    expect(call("DEC2HEX", 100, 4)).toBe("0064");
    expect(call("DEC2HEX", -54)).toBe("FFFFFFFFCA");
    expect(call("DEC2HEX", 28)).toBe("1C");
    expect(call("DEC2OCT", 58, 3)).toBe("072");
    expect(call("DEC2OCT", -100)).toBe("7777777634");
    expect(call("BIN2HEX", 11111011, 4)).toBe("00FB");
    expect(call("BIN2HEX", 1110)).toBe("E");
    expect(call("BIN2HEX", "1111111111")).toBe("FFFFFFFFFF");
    expect(call("BIN2OCT", 1001, 3)).toBe("011");
    expect(call("HEX2BIN", "F", 8)).toBe("00001111");
    expect(call("HEX2BIN", "FFFFFFFE00")).toBe("1000000000");
    expect(call("HEX2BIN", "200")).toBe(Errors.NUM);
    expect(call("HEX2OCT", "F", 3)).toBe("017");
    expect(call("OCT2BIN", 3, 3)).toBe("011");
    expect(call("OCT2BIN", 7777777000)).toBe("1000000000");
    expect(call("OCT2HEX", 100, 4)).toBe("0040");
    expect(call("DEC2BIN", 9, "x")).toBe(Errors.VALUE);
  });
  it("does bitwise arithmetic", () => {
    expect(call("BITAND", 1, 5)).toBe(1);
    expect(call("BITAND", 13, 25)).toBe(9);
    expect(call("BITOR", 23, 10)).toBe(31);
    expect(call("BITXOR", 5, 3)).toBe(6);
    expect(call("BITLSHIFT", 4, 2)).toBe(16);
    expect(call("BITRSHIFT", 13, 2)).toBe(3);
    expect(call("BITLSHIFT", 4, -1)).toBe(2);
    expect(call("BITAND", -1, 5)).toBe(Errors.NUM);
    expect(call("BITAND", 1.5, 5)).toBe(Errors.NUM);
    expect(call("BITLSHIFT", 2 ** 47, 1)).toBe(Errors.NUM);
  });
});

describe("DELTA, GESTEP, ERF", () => {
  it("compares numbers", () => {
    expect(call("DELTA", 5, 4)).toBe(0);
    expect(call("DELTA", 5, 5)).toBe(1);
    expect(call("DELTA", 0.5)).toBe(0);
    expect(call("GESTEP", 5, 4)).toBe(1);
    expect(call("GESTEP", -4, -5)).toBe(1);
    expect(call("GESTEP", -1)).toBe(0);
  });
  it("computes the error function precisely", () => {
    expect(num("ERF", 0.745)).toBeCloseTo(0.70792892, 8);
    expect(num("ERF", 1)).toBeCloseTo(0.842700793, 9);
    expect(num("ERF", 0, 1)).toBeCloseTo(0.842700793, 9);
    expect(num("ERF", 2.5)).toBeCloseTo(0.999593048, 9);
    expect(num("ERF", -1)).toBeCloseTo(-0.842700793, 9);
    expect(num("ERF.PRECISE", 1.5)).toBeCloseTo(0.966105146, 9);
    expect(num("ERFC", 1)).toBeCloseTo(0.157299207, 9);
    expect(num("ERFC", 5)).toBeCloseTo(1.53745979e-12, 19);
    expect(num("ERFC.PRECISE", -1)).toBeCloseTo(1.842700793, 9);
  });
});

describe("CONVERT", () => {
  it("converts within a unit group", () => {
    expect(num("CONVERT", 1, "lbm", "kg")).toBeCloseTo(0.45359237, 12);
    expect(num("CONVERT", 68, "F", "C")).toBeCloseTo(20, 12);
    expect(num("CONVERT", 6, "tsp", "tbs")).toBeCloseTo(2, 12);
    expect(num("CONVERT", 100, "ft2", "m2")).toBeCloseTo(9.290304, 10);
    expect(num("CONVERT", 1, "km2", "m2")).toBeCloseTo(1e6, 6);
    expect(num("CONVERT", 1, "mi", "km")).toBeCloseTo(1.609344, 12);
    expect(num("CONVERT", 1, "kibyte", "bit")).toBe(8192);
    expect(num("CONVERT", 1, "hr", "mn")).toBe(60);
    expect(num("CONVERT", 0, "C", "K")).toBeCloseTo(273.15, 12);
    expect(num("CONVERT", 1, "gal", "l")).toBeCloseTo(3.785411784, 12);
  });
  it("rejects unknown or mismatched units", () => {
    expect(call("CONVERT", 2.5, "ft", "sec")).toBe(Errors.NA);
    expect(call("CONVERT", 1, "xyz", "m")).toBe(Errors.NA);
    expect(call("CONVERT", 1, "kft", "m")).toBe(Errors.NA);
    expect(call("CONVERT", 1, "C", "m")).toBe(Errors.NA);
  });
});

describe("complex numbers", () => {
  it("formats and parses", () => {
    expect(call("COMPLEX", 3, 4)).toBe("3+4i");
    expect(call("COMPLEX", 3, 4, "j")).toBe("3+4j");
    expect(call("COMPLEX", 0, 1)).toBe("i");
    expect(call("COMPLEX", 1, -1)).toBe("1-i");
    expect(call("COMPLEX", 0, 0)).toBe("0");
    expect(call("COMPLEX", 1, 1, "k")).toBe(Errors.VALUE);
    expect(call("IMREAL", "6-9i")).toBe(6);
    expect(call("IMAGINARY", "3+4i")).toBe(4);
    expect(call("IMAGINARY", "0-j")).toBe(-1);
    expect(call("IMAGINARY", 4)).toBe(0);
    expect(call("IMREAL", "i")).toBe(0);
    expect(call("IMREAL", "abc")).toBe(Errors.NUM);
    expect(call("IMABS", "5+12i")).toBe(13);
  });
  it("does arithmetic", () => {
    expect(call("IMSUM", "3+4i", "5-3i")).toBe("8+i");
    expect(call("IMSUM", arr([["1+i", "2"]]))).toBe("3+i");
    expect(call("IMPRODUCT", "3+4i", "5-3i")).toBe("27+11i");
    expect(call("IMPRODUCT", "1+2i", 30)).toBe("30+60i");
    expect(call("IMSUB", "13+4i", "5+3i")).toBe("8+i");
    expect(call("IMDIV", "-238+240i", "10+24i")).toBe("5+12i");
    expect(call("IMCONJUGATE", "3+4i")).toBe("3-4i");
    expect(call("IMSUM", "1+i", "1+j")).toBe(Errors.VALUE);
    expect(call("IMDIV", "1", "0")).toBe(Errors.NUM);
  });
  it("computes powers, roots, exponentials and logarithms", () => {
    expect(call("IMPOWER", "2+3i", 3)).toBe("-46+9.00000000000001i");
    expect(call("IMSQRT", "-4")).toBe("1.22464679914735E-16+2i");
    expect(call("IMEXP", "0")).toBe("1");
    expect(call("IMLN", "3+4i")).toBe("1.6094379124341+0.927295218001612i");
    expect(call("IMLOG10", "100")).toBe("2");
    expect(call("IMSIN", "0")).toBe("0");
    expect(call("IMCOS", "0")).toBe("1");
    expect(call("IMLN", "0")).toBe(Errors.NUM);
    expect(call("IMPOWER", "0", -1)).toBe(Errors.NUM);
    expect(call("IMLOG2", "3+4i")).toBe("2.32192809488736+1.33780421245098i");
    expect(call("IMLOG2", "8")).toBe("3");
    expect(call("IMLOG2", "0")).toBe(Errors.NUM);
  });
  it("computes the argument (angle) of a complex number", () => {
    expect(num("IMARGUMENT", "3+4i")).toBeCloseTo(0.92729521800161, 13);
    expect(num("IMARGUMENT", "-1")).toBeCloseTo(Math.PI, 14);
    expect(call("IMARGUMENT", "0")).toBe(Errors.DIV0);
    expect(call("IMARGUMENT", "x")).toBe(Errors.NUM);
  });
});
