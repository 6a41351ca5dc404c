import { describe, expect, it } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { fromRoman, toRoman } from "@/lib/excel/functions/math/math-numerals";
import { Errors } from "@/lib/excel/values";

describe("ROMAN forms (Microsoft's examples)", () => {
  itFormulas([
    ["ROMAN(499,0)", "CDXCIX"],
    ["ROMAN(499,1)", "LDVLIV"],
    ["ROMAN(499,2)", "XDIX"],
    ["ROMAN(499,3)", "VDIV"],
    ["ROMAN(499,4)", "ID"],
    ["ROMAN(499,TRUE)", "CDXCIX"],
    ["ROMAN(499,FALSE)", "ID"],
    ["ROMAN(2013)", "MMXIII"],
    ["ROMAN(3999)", "MMMCMXCIX"],
    ["ROMAN(0)", ""],
    ["ROMAN(4000)", Errors.VALUE],
    ["ROMAN(-1)", Errors.VALUE],
    ["ROMAN(10,5)", Errors.VALUE],
    ["ROMAN(1999,1)", "MLMVLIV"],
    ["ROMAN(1999,4)", "MIM"],
  ]);
});

describe("ARABIC, BASE, DECIMAL", () => {
  itFormulas([
    ["ARABIC(\"LVII\")", 57],
    ["ARABIC(\"mcmxii\")", 1912],
    ["ARABIC(\"\")", 0],
    ["ARABIC(\"-IV\")", -4],
    ["ARABIC(\" XI \")", 11],
    ["ARABIC(\"ABC\")", Errors.VALUE],
    ["BASE(7,2)", "111"],
    ["BASE(100,16)", "64"],
    ["BASE(15,2,10)", "0000001111"],
    ["BASE(-1,2)", Errors.NUM],
    ["BASE(10,37)", Errors.NUM],
    ["DECIMAL(\"FF\",16)", 255],
    ["DECIMAL(111,2)", 7],
    ["DECIMAL(\"zap\",36)", 45745],
    ["DECIMAL(\"12\",2)", Errors.NUM],
  ]);
});

describe("roman round trip", () => {
  it("ARABIC inverts every form of ROMAN", () => {
    for (let n = 1; n <= 3999; n += 7) {
      for (let form = 0; form <= 4; form++) expect(fromRoman(toRoman(n, form))).toBe(n);
    }
  });
});
