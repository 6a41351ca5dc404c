import { describe } from "vitest";
import { itFormulas } from "@/test/excel/formula-cases";
import { Errors } from "@/lib/excel/values";

const cells = { A1: "Sale Price", A2: 1.5, A3: true, A4: null, A5: "#N/A", B1: "a", B2: "", B3: "c" };

describe("joining", () => {
  itFormulas(
    [
      ["CONCATENATE(\"Stream \",\"population\")", "Stream population"],
      ["CONCATENATE(A2,A3,A4)", "1.5TRUE"],
      ["CONCATENATE(A1,A5)", Errors.NA],
      ["CONCAT(B1:B3,\"!\")", "ac!"],
      ["CONCAT(1/3)", "0.333333333333333"],
      ["TEXTJOIN(\", \",TRUE,B1:B3)", "a, c"],
      ["TEXTJOIN(\", \",FALSE,B1:B3)", "a, , c"],
      ["TEXTJOIN({\"-\",\"+\"},TRUE,1,2,3)", "1-2+3"],
      ["TEXTJOIN(\",\",TRUE,A5)", Errors.NA],
    ],
    cells,
  );
});

describe("slicing", () => {
  itFormulas(
    [
      ["LEFT(A1,4)", "Sale"],
      ["LEFT(A1)", "S"],
      ["LEFT(A1,-1)", Errors.VALUE],
      ["RIGHT(A1,5)", "Price"],
      ["RIGHT(A1,0)", ""],
      ["RIGHT(\"abc\",10)", "abc"],
      ["MID(\"Fluid Flow\",1,5)", "Fluid"],
      ["MID(\"Fluid Flow\",7,20)", "Flow"],
      ["MID(\"Fluid Flow\",20,5)", ""],
      ["MID(\"Fluid Flow\",0,5)", Errors.VALUE],
      ["LEN(A1)", 10],
      ["LEN(A4)", 0],
      ["LEN(123.45)", 6],
      ["LENB(\"abc\")", 3],
      ["LEFTB(\"abc\",2)", "ab"],
      ["REPLACE(\"abcdefghijk\",6,5,\"*\")", "abcde*k"],
      ["REPLACE(\"2009\",3,2,\"10\")", "2010"],
      ["REPLACE(\"abc\",0,1,\"x\")", Errors.VALUE],
      ["SUBSTITUTE(\"Sales Data\",\"Sales\",\"Cost\")", "Cost Data"],
      ["SUBSTITUTE(\"Quarter 1, 2008\",\"1\",\"2\",1)", "Quarter 2, 2008"],
      ["SUBSTITUTE(\"Quarter 1, 2011\",\"1\",\"2\",3)", "Quarter 1, 2012"],
      ["SUBSTITUTE(\"aaa\",\"a\",\"b\",5)", "aaa"],
      ["SUBSTITUTE(\"aaa\",\"a\",\"b\",0)", Errors.VALUE],
      ["SUBSTITUTE(\"abc\",\"\",\"x\")", "abc"],
    ],
    cells,
  );
});

describe("case, cleaning, repetition", () => {
  itFormulas([
    ["UPPER(\"total\")", "TOTAL"],
    ["LOWER(\"E. E. Cummings\")", "e. e. cummings"],
    ["PROPER(\"this is a TITLE\")", "This Is A Title"],
    ["PROPER(\"2-way street\")", "2-Way Street"],
    ["PROPER(\"76BudGet\")", "76Budget"],
    ["PROPER(\"don't\")", "Don'T"],
    ["TRIM(\" First Quarter   Earnings \")", "First Quarter Earnings"],
    ["CLEAN(CHAR(9)&\"Monthly report\"&CHAR(10))", "Monthly report"],
    ["REPT(\"*-\",3)", "*-*-*-"],
    ["REPT(\"x\",-1)", Errors.VALUE],
    ["REPT(\"ab\",20000)", Errors.VALUE],
    ["EXACT(\"word\",\"Word\")", false],
    ["EXACT(\"word\",\"word\")", true],
  ]);
});

describe("character codes", () => {
  itFormulas([
    ["CHAR(65)", "A"],
    ["CHAR(33)", "!"],
    ["CHAR(128)", "€"],
    ["CHAR(0)", Errors.VALUE],
    ["CHAR(256)", Errors.VALUE],
    ["CODE(\"A\")", 65],
    ["CODE(\"!\")", 33],
    ["CODE(\"€\")", 128],
    ["CODE(\"\")", Errors.VALUE],
    ["UNICHAR(66)", "B"],
    ["UNICHAR(32)", " "],
    ["UNICHAR(0)", Errors.VALUE],
    ["UNICODE(\"B\")", 66],
    ["UNICODE(\"😀\")", 128512],
    ["ASC(\"abc\")", "abc"],
  ]);
});
