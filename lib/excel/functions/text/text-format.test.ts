import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

const cells = { A1: 1234.567, A2: "abc", A3: null, A4: "#DIV/0!", A5: 45292.75 };

describe("TEXT", () => {
  itFormulas(
    [
      ["TEXT(A1,\"$#,##0.00\")", "$1,234.57"],
      ["TEXT(A1,\"0.0\")", "1234.6"],
      ["TEXT(0.285,\"0.0%\")", "28.5%"],
      ["TEXT(A5,\"mm/dd/yyyy\")", "01/01/2024"],
      ["TEXT(A5,\"dddd, mmmm d\")", "Monday, January 1"],
      ["TEXT(A5,\"h:mm AM/PM\")", "6:00 PM"],
      ["TEXT(A5,\"yyyy-mm-dd hh:mm:ss\")", "2024-01-01 18:00:00"],
      ["TEXT(\"123\",\"0.00\")", "123.00"],
      ["TEXT(A2,\"0.00\")", "abc"],
      ["TEXT(A3,\"0.00\")", "0.00"],
      ["TEXT(TRUE,\"0\")", "TRUE"],
      ["TEXT(TRUE,\";;;\"\"hi\"\"\")", "hi"],
      ["TEXT(FALSE,\"0;0;0;-@-\")", "-FALSE-"],
      ["TEXT(TRUE,\"@@\")", "TRUETRUE"],
      ["TEXT(A4,\"0\")", Errors.DIV0],
      ["TEXT(-1,\"yyyy\")", Errors.VALUE],
      ["TEXT(1234567,\"#,##0,\"\"K\"\"\")", "1,235K"],
      ["TEXT(4.5,\"# ?/?\")", "4 1/2"],
      ["TEXT(0.000123,\"0.00E+00\")", "1.23E-04"],
      ["TEXT(-5,\"0;(0)\")", "(5)"],
    ],
    cells,
  );
});

describe("FIXED and DOLLAR", () => {
  itFormulas([
    ["FIXED(1234.567,1)", "1,234.6"],
    ["FIXED(1234.567,-1)", "1,230"],
    ["FIXED(-1234.567,-1,TRUE)", "-1230"],
    ["FIXED(44.332)", "44.33"],
    ["DOLLAR(1234.567,2)", "$1,234.57"],
    ["DOLLAR(1234.567,-2)", "$1,200"],
    ["DOLLAR(-1234.567,-2)", "($1,200)"],
    ["DOLLAR(-0.123,4)", "($0.1230)"],
    ["DOLLAR(99.888)", "$99.89"],
  ]);
});

describe("VALUE and NUMBERVALUE", () => {
  itFormulas(
    [
      ["VALUE(\"$1,000\")", 1000],
      ["VALUE(\"16:48:00\")-VALUE(\"12:00:00\")", 0.2, 12],
      ["VALUE(\"50%\")", 0.5],
      ["VALUE(\"abc\")", Errors.VALUE],
      ["VALUE(A3)", 0],
      ["VALUE(TRUE)", Errors.VALUE],
      ["NUMBERVALUE(\"2.500,27\",\",\",\".\")", 2500.27],
      ["NUMBERVALUE(\"3.5%\")", 0.035],
      ["NUMBERVALUE(\" 1 234 \")", 1234],
      ["NUMBERVALUE(\"\")", 0],
      ["NUMBERVALUE(\"1,2.3\",\".\",\".\")", Errors.VALUE],
      ["NUMBERVALUE(\"1.2,3\")", Errors.VALUE],
    ],
    cells,
  );
});

describe("VALUETOTEXT and ARRAYTOTEXT", () => {
  itFormulas(
    [
      ["VALUETOTEXT(A2)", "abc"],
      ["VALUETOTEXT(A2,1)", "\"abc\""],
      ["VALUETOTEXT(1.5)", "1.5"],
      ["VALUETOTEXT(A4)", "#DIV/0!"],
      ["VALUETOTEXT(1,2)", Errors.VALUE],
      ["ARRAYTOTEXT({1,\"a\";TRUE,#N/A})", "1, a, TRUE, #N/A"],
      ["ARRAYTOTEXT({1,\"a\";TRUE,#N/A},1)", "{1,\"a\";TRUE,#N/A}"],
    ],
    cells,
  );
});
