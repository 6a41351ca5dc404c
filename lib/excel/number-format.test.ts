import { describe, expect, it } from "vitest";
import { dateToSerial } from "@/lib/excel/dates";
import { formatGeneralShort, formatValue } from "@/lib/excel/number-format";

describe("formatValue numbers", () => {
  it.each([
    [1234.567, "0.00", "1234.57"],
    [1234.567, "#,##0.00", "1,234.57"],
    [1234567, "#,##0", "1,234,567"],
    [0.5, "0%", "50%"],
    [0.12345, "0.0%", "12.3%"],
    [5, "000", "005"],
    [0.5, "#.##", ".5"],
    [3, "#.##", "3."],
    [1.5, "0.0#", "1.5"],
    [1.555, "0.0#", "1.56"],
    [123456789, "000-00-0000", "123-45-6789"],
    [1234567, "#,##0,", "1,235"],
    [1234567, "0.0,,", "1.2"],
    [12345.678, "$#,##0.00", "$12,345.68"],
    [-12345.678, "$#,##0.00", "-$12,345.68"],
    [-5, "0;(0)", "(5)"],
    [0, "0;(0);\"zero\"", "zero"],
    [-5, "0;-0;0", "-5"],
    [12345, "0.00E+00", "1.23E+04"],
    [0.000123, "0.0E+0", "1.2E-4"],
    [12345, "##0.0E+0", "12.3E+3"],
    [1.5, "# ?/?", "1 1/2"],
    [0.75, "?/4", "3/4"],
    [2.25, "# ??/??", "2  1/4 "],
    [150, "[>100]\"big\";\"small\"", "big"],
    [50, "[>100]\"big\";\"small\"", "small"],
    [1.234, "General", "1.234"],
    [5, "0 \"units\"", "5 units"],
    [5, "\\$0", "$5"],
    [-0.4, "0", "-0"],
    [2.5, "0", "3"],
    [0, "#", ""],
    [0.05, "0.0?", "0.05"],
  ])("%s with %s", (value, code, expected) => {
    expect(formatValue(value, code)).toBe(expected);
  });
});

describe("formatValue dates and times", () => {
  const serial = dateToSerial(2024, 3, 5) + 0.5 + 1 / 86400 * 7;
  it.each([
    ["yyyy-mm-dd", "2024-03-05"],
    ["d/m/yy", "5/3/24"],
    ["mmm d, yyyy", "Mar 5, 2024"],
    ["mmmm", "March"],
    ["mmmmm", "M"],
    ["dddd", "Tuesday"],
    ["ddd", "Tue"],
    ["hh:mm:ss", "12:00:07"],
    ["h:mm AM/PM", "12:00 PM"],
    ["h:mm a/p", "12:00 p"],
    ["[h]:mm", `${Math.floor(serial * 24)}:00`],
    ["mm:ss", "00:07"],
  ])("%s", (code, expected) => {
    expect(formatValue(serial, code)).toBe(expected);
  });

  it("handles elapsed time and sub-seconds", () => {
    expect(formatValue(1.25, "[h]:mm:ss")).toBe("30:00:00");
    expect(formatValue(0.5 / 86400, "ss.00")).toBe("00.50");
    expect(formatValue(2.5 / 1440, "[m]:ss")).toBe("2:30");
    expect(formatValue(-1, "yyyy")).toBeUndefined();
  });
});

describe("formatValue text", () => {
  it("uses the text section", () => {
    expect(formatValue("abc", "0;0;0;\"[\"@\"]\"")).toBe("[abc]");
    expect(formatValue("abc", "@ \"x\"")).toBe("abc x");
    expect(formatValue("abc", "0.00")).toBe("abc");
  });
});

describe("formatGeneralShort", () => {
  it("fits 11 characters", () => {
    expect(formatGeneralShort(1 / 3)).toBe("0.333333333");
    expect(formatGeneralShort(1234.5678)).toBe("1234.5678");
    expect(formatGeneralShort(123456789012)).toBe("1.23457E+11");
  });
});

describe("formatValue edge cases Excel documents by example", () => {
  it("shows a value no condition accepts in General", () => {
    expect(formatValue(10, '[<10]#" Wow"')).toBe("10");
    expect(formatValue(9, '[<10]#" Wow"')).toBe("9 Wow");
    expect(formatValue(-11, '[=-10]#" Wow"')).toBe("-11");
    expect(formatValue(11, '[<=10]#" Wow"')).toBe("11");
  });

  it("repeats an elapsed count in later plain tokens of the same unit, and reads m after s as minutes", () => {
    expect(formatValue(3.14159, '"It was "[h]" [yes, "h"] hours and "mm:ss')).toBe("It was 75 [yes, 75] hours and 23:53");
    expect(formatValue(3.14159, '[s]" [yes, "ss"] seconds"')).toBe("271433 [yes, 271433] seconds");
    expect(formatValue(3.14159, 's:m" @ hour "[hh]')).toBe("53:23 @ hour 75");
    expect(formatValue(0, 's:m" @ hour "[hh]')).toBe("0:0 @ hour 00");
  });

  it("formats negative elapsed times with a sign", () => {
    expect(formatValue(-0.08546296296296296, "[h]:m:s.000")).toBe("-2:3:4.000");
    expect(formatValue(-3.14159, "[mm]:ss.0")).toBe("-4523:53.4");
    expect(formatValue(-0.5, "h:mm")).toBeUndefined();
  });
});

describe("formatGeneralShort small numbers", () => {
  it("writes digits down to 1E-09 and switches to exponents below", () => {
    expect(formatGeneralShort(1e-9)).toBe("0.000000001");
    expect(formatGeneralShort(-1e-9)).toBe("-0.000000001");
    expect(formatGeneralShort(0.01)).toBe("0.01");
    expect(formatGeneralShort(1e-10)).toBe("1E-10");
    expect(formatGeneralShort(1.123459e-10)).toBe("1.12346E-10");
  });
});

describe("formatValue fractions with literals (cases Excel computed, from Apache POI's test data)", () => {
  it.each([
    [23.75, "|#\\:#/#|", "|23:3/4|"],
    [0.75, "|#\\:#/#|", "|3/4|"],
    [1, "|#\\:#/#|", "|1|"],
    [0, "|#\\:#/#|", "|0|"],
    [23.75, "|#-#-#\\:#/#|", "|-2-3:3/4|"],
    [0.75, "|#-#-#\\:#/#|", "|--3/4|"],
    [1, "|#\\:#=/=?|", "|1      |"],
    [0.75, "|#\\:?=/=#|", "| 3=/=4|"],
    [1, "|#\\:0=/=#|", "|1:0=/=1|"],
    [0, "|#\\:0=/=#|", "|0=/=1|"],
    [3.75, "|#_#/#|", "|15 /4|"],
    [23.75, "|#\\:? ?0#/000", "|2:3  03/004"],
    [2, "# ?/?", "2    "],
    [1.5, "# ?/? \"units\"", "1 1/2 units"],
  ])("%s with %s", (value, code, expected) => {
    expect(formatValue(value, code)).toBe(expected);
  });
});

describe("formatValue: commas, scientific notation, large numbers and AM/PM", () => {
  it.each([
    // A comma before any digit placeholder is literal; one after a placeholder and before the point or the end scales.
    [1234567, ",#", ",1234567"],
    [-1234567, ",0", "-,1234567"],
    [1234567, "#,.#,", "1.2"],
    [1234567, "#,##0.0,,", "1.2"],
    // Grouping keeps the width of unused ? placeholders, separators included.
    [-1234567, "?,?????????", "-    1,234,567"],
    [5, "0,000", "0,005"],
    [5, "#,###", "5"],
    // Scientific and engineering notation, with literals around the exponent.
    [12345.678, "0.0E+00", "1.2E+04"],
    [12345.678, "##0.0E+0", "12.3E+3"],
    [0.00012345, "##0.0E+0", "123.5E-6"],
    [12345, "0.0E-00", "1.2E04"],
    [0.5, "0.0E-00", "5.0E-01"],
    [12345, '0.00E+00 "kg"', "1.23E+04 kg"],
    [12345, '"x"0.00E+00', "x1.23E+04"],
    [-1234, "0.00E+00;(0.00E+00)", "(1.23E+03)"],
    [0, "0.0E+00", "0.0E+00"],
    // Beyond 1e21 the digits stay positional (15 significant, then zeros).
    [1e20, "0%", "10000000000000000000000%"],
    [1e21, "#,##0", "1,000,000,000,000,000,000,000"],
    [-0, "0.00", "0.00"],
    // AM/PM is capitalised whatever its case; A/P keeps its case; "e" is the year.
    [0.6, "hh:mm am/pm", "02:24 PM"],
    [0.6, "h a/p", "2 p"],
    [28313, "ee-mm-dd", "1977-07-07"],
  ])("%s with %s is %s", (value, code, expected) => {
    expect(formatValue(value, code)).toBe(expected);
  });
});
