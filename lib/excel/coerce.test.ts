import { describe, expect, it } from "vitest";
import { compareNumbers, compareScalars, formatGeneral, parseNumberText, round15, toBoolean, toNumber, toText } from "@/lib/excel/coerce";
import { dateToSerial } from "@/lib/excel/dates";
import { Errors } from "@/lib/excel/values";

describe("toNumber", () => {
  it("coerces blanks, booleans and numbers", () => {
    expect(toNumber(null)).toBe(0);
    expect(toNumber(true)).toBe(1);
    expect(toNumber(false)).toBe(0);
    expect(toNumber(-2.5)).toBe(-2.5);
    expect(toNumber(Errors.NA)).toBe(Errors.NA);
  });

  it("parses numeric text like VALUE", () => {
    expect(toNumber(" 1,234.5 ")).toBe(1234.5);
    expect(toNumber("$1,000")).toBe(1000);
    expect(toNumber("-$5")).toBe(-5);
    expect(toNumber("$-5")).toBe(-5);
    expect(toNumber("50%")).toBe(0.5);
    expect(toNumber("1e3")).toBe(1000);
    expect(toNumber("1.5E-2")).toBe(0.015);
    expect(toNumber(".5")).toBe(0.5);
    expect(toNumber("5.")).toBe(5);
    expect(toNumber("(123)")).toBe(-123);
    expect(toNumber("1 1/2")).toBe(1.5);
    expect(toNumber("-2 1/4")).toBe(-2.25);
    expect(toNumber("+7")).toBe(7);
  });

  it("parses dates and times through the date parser", () => {
    expect(toNumber("2020-01-15")).toBe(dateToSerial(2020, 1, 15));
    expect(toNumber("12:00")).toBeCloseTo(0.5, 12);
  });

  it("rejects non-numeric text with #VALUE!", () => {
    for (const text of ["", "abc", "1,2", "TRUE", "1.2.3", "--5", "$", "1 1/0", "e5"]) {
      expect(toNumber(text), text).toBe(Errors.VALUE);
    }
  });

  it("exposes the parser without errors", () => {
    expect(parseNumberText("12,345,678")).toBe(12345678);
    expect(parseNumberText("x")).toBeUndefined();
  });
});

describe("toText and formatGeneral", () => {
  it("writes numbers as General format text", () => {
    expect(toText(1 / 3)).toBe("0.333333333333333");
    expect(toText(2 / 3)).toBe("0.666666666666667");
    expect(toText(0.1 + 0.2)).toBe("0.3");
    expect(toText(123456789012345)).toBe("123456789012345");
    expect(toText(1234567890123456)).toBe("1.23456789012346E+15");
    expect(toText(1e20)).toBe("1E+20");
    expect(toText(-1.5)).toBe("-1.5");
    expect(toText(100)).toBe("100");
    expect(toText(0.0001)).toBe("0.0001");
    expect(toText(0.00001)).toBe("1E-05");
    expect(toText(1.23e-7)).toBe("1.23E-07");
    expect(formatGeneral(9.99999999999999999)).toBe("10");
    expect(formatGeneral(0)).toBe("0");
  });

  it("writes other scalars", () => {
    expect(toText(null)).toBe("");
    expect(toText(true)).toBe("TRUE");
    expect(toText(false)).toBe("FALSE");
    expect(toText("x")).toBe("x");
    expect(toText(Errors.DIV0)).toBe(Errors.DIV0);
  });
});

describe("toBoolean", () => {
  it("follows Excel", () => {
    expect(toBoolean("true")).toBe(true);
    expect(toBoolean("False")).toBe(false);
    expect(toBoolean(2)).toBe(true);
    expect(toBoolean(0)).toBe(false);
    expect(toBoolean(null)).toBe(false);
    expect(toBoolean("yes")).toBe(Errors.VALUE);
    expect(toBoolean(Errors.NUM)).toBe(Errors.NUM);
  });
});

describe("compareScalars", () => {
  it("orders numbers < text < booleans", () => {
    expect(compareScalars(1e10, "a")).toBe(-1);
    expect(compareScalars("zzz", false)).toBe(-1);
    expect(compareScalars(true, false)).toBe(1);
  });

  it("compares text case-insensitively with punctuation before digits before letters", () => {
    expect(compareScalars("ABC", "abc")).toBe(0);
    expect(compareScalars("a", "B")).toBe(-1);
    expect(compareScalars("10", "9")).toBe(-1);
    expect(compareScalars("_x", "a")).toBe(-1);
    expect(compareScalars("9", "a")).toBe(-1);
  });

  it("treats blanks as 0, empty text or FALSE", () => {
    expect(compareScalars(null, 0)).toBe(0);
    expect(compareScalars(null, "")).toBe(0);
    expect(compareScalars(null, false)).toBe(0);
    expect(compareScalars(null, -1)).toBe(1);
    expect(compareScalars("a", null)).toBe(1);
    expect(compareScalars(null, null)).toBe(0);
  });

  it("compares numbers at 15 significant digits", () => {
    expect(compareScalars(0.1 + 0.2, 0.3)).toBe(0);
    expect(compareNumbers(1, 1 + 1e-12)).toBe(-1);
    expect(compareNumbers(2, 1)).toBe(1);
    expect(compareNumbers(-0.3, -(0.1 + 0.2))).toBe(0);
  });
});

describe("round15", () => {
  it("rounds to 15 significant digits", () => {
    expect(round15(0.1 + 0.2)).toBe(0.3);
    expect(round15(1234567.12345678912)).toBe(1234567.12345679);
    expect(round15(0)).toBe(0);
  });
});
