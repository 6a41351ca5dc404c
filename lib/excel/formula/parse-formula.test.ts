import { describe, expect, it } from "vitest";
import type { FormulaNode } from "@/lib/excel/formula/ast";
import { FormulaSyntaxError } from "@/lib/excel/formula/ast";
import { parseFormula } from "@/lib/excel/formula/parse-formula";
import { ExcelError } from "@/lib/excel/values";

/** Renders a tree in a compact prefix form to assert structure and precedence. */
function show(node: FormulaNode): string {
  switch (node.type) {
    case "number":
      return String(node.value);
    case "string":
      return JSON.stringify(node.value);
    case "boolean":
      return node.value ? "TRUE" : "FALSE";
    case "error":
      return node.code;
    case "missing":
      return "_";
    case "array":
      return `{${node.rows.map((r) => r.map((v) => (v instanceof ExcelError ? v.code : JSON.stringify(v))).join(",")).join(";")}}`;
    case "ref":
      return `${node.sheet === undefined ? "" : `${node.sheet}${node.sheetEnd ? `:${node.sheetEnd}` : ""}!`}${node.kind}[${node.top},${node.left}:${node.bottom},${node.right}]`;
    case "structured":
      return `${node.table ?? ""}[${node.specials.join("|")}:${node.firstColumn ?? ""}..${node.lastColumn ?? ""}]`;
    case "name":
      return `${node.sheet === undefined ? "" : `${node.sheet}!`}$${node.name}`;
    case "external":
      return `ext(${node.text})`;
    case "call":
      return `${node.name}(${node.args.map(show).join(",")})`;
    case "invoke":
      return `(${show(node.callee)})(${node.args.map(show).join(",")})`;
    case "unary":
      return `(${node.op}${show(node.arg)})`;
    case "percent":
      return `(${show(node.arg)}%)`;
    case "binary":
      return `(${show(node.left)}${node.op}${show(node.right)})`;
    case "range":
      return `(${show(node.left)}:${show(node.right)})`;
    case "intersect":
      return `(${show(node.left)} ${show(node.right)})`;
    case "union":
      return `(${node.items.map(show).join(",")})`;
    case "spill":
      return `${show(node.ref)}#`;
  }
}

const p = (formula: string): string => show(parseFormula(formula));

describe("parseFormula: operator precedence", () => {
  it.each([
    ["=1+2*3", "(1+(2*3))"],
    ["=(1+2)*3", "((1+2)*3)"],
    ["=2^3^2", "((2^3)^2)"],
    ["=-2^2", "((-2)^2)"],
    ["=2^-1", "(2^(-1))"],
    ["=-A1%", "((-cell[0,0:0,0])%)"],
    ["=50%*2", "((50%)*2)"],
    ['="a"&1+2', '("a"&(1+2))'],
    ["=1+2=3", "((1+2)=3)"],
    ["=1<>2", "(1<>2)"],
    ["=1<=2", "(1<=2)"],
    ["=1>=2", "(1>=2)"],
    ["=1-2-3", "((1-2)-3)"],
    ["=8/4/2", "((8/4)/2)"],
    ["=+A1", "(+cell[0,0:0,0])"],
    ["=@A1:A3", "(@area[0,0:2,0])"],
  ])("%s", (formula, expected) => {
    expect(p(formula)).toBe(expected);
  });
});

describe("parseFormula: references", () => {
  it.each([
    ["=B3", "cell[2,1:2,1]"],
    ["=$B$3", "cell[2,1:2,1]"],
    ["=A1:C3", "area[0,0:2,2]"],
    ["=C3:A1", "area[0,0:2,2]"],
    ["=A:B", "cols[0,0:1048575,1]"],
    ["=$A:$A", "cols[0,0:1048575,0]"],
    ["=2:3", "rows[1,0:2,16383]"],
    ["=Sheet2!A1", "Sheet2!cell[0,0:0,0]"],
    ["='My Sheet'!A1:B2", "My Sheet!area[0,0:1,1]"],
    ["='It''s'!A1", "It's!cell[0,0:0,0]"],
    ["=Sheet1:Sheet3!B2", "Sheet1:Sheet3!cell[1,1:1,1]"],
    ["=XFD1048576", "cell[1048575,16383:1048575,16383]"],
    ["=A1#", "cell[0,0:0,0]#"],
    ["=_xlfn.ANCHORARRAY(A1)", "cell[0,0:0,0]#"],
    ["=SUM(ANCHORARRAY(Sheet2!B2))", "SUM(Sheet2!cell[1,1:1,1]#)"],
    ["=[1]Sheet1!A1", "ext([1]Sheet1!A1)"],
    ["='[2]Other sheet'!B2", "ext([2]Other sheet!B2)"],
    ["=Sheet1!#REF!", "#REF!"],
    ["=A1:INDEX(B:B,2)", "(cell[0,0:0,0]:INDEX(cols[0,1:1048575,1],2))"],
    ["=A1:B2 B2:C3", "(area[0,0:1,1] area[1,1:2,2])"],
    ["=SUM((A1,B2))", "SUM((cell[0,0:0,0],cell[1,1:1,1]))"],
  ])("%s", (formula, expected) => {
    expect(p(formula)).toBe(expected);
  });

  it("reads names that look like references but are not", () => {
    expect(p("=XFE1")).toBe("$XFE1");
    expect(p("=A1B")).toBe("$A1B");
    expect(p("=Rate_2024")).toBe("$Rate_2024");
    expect(p("=Sheet1!Total")).toBe("Sheet1!$Total");
    expect(p("=LOG10(100)")).toBe("LOG10(100)");
  });
});

describe("parseFormula: structured references", () => {
  it.each([
    ["=Sales[Amount]", "Sales[:Amount..Amount]"],
    ["=Sales[]", "Sales[:..]"],
    ["=Sales[#All]", "Sales[#All:..]"],
    ["=Sales[[#Headers],[Amount]]", "Sales[#Headers:Amount..Amount]"],
    ["=Sales[[#This Row],[Unit Price]]", "Sales[#This Row:Unit Price..Unit Price]"],
    ["=Sales[@Amount]", "Sales[#This Row:Amount..Amount]"],
    ["=Sales[@[Unit Price]]", "Sales[#This Row:Unit Price..Unit Price]"],
    ["=Sales[[Jan]:[Mar]]", "Sales[:Jan..Mar]"],
    ["=Sales[[#Data],[#Totals],[Amount]]", "Sales[#Data|#Totals:Amount..Amount]"],
    ["=[@Qty]*2", "([#This Row:Qty..Qty]*2)"],
    ["=Sales['#Items]", "Sales[:#Items..#Items]"],
  ])("%s", (formula, expected) => {
    expect(p(formula)).toBe(expected);
  });
});

describe("parseFormula: literals, calls and names", () => {
  it("parses literals", () => {
    expect(p('="say ""hi"""')).toBe('"say \\"hi\\""');
    expect(p("=1.5E+3")).toBe("1500");
    expect(p("=.5")).toBe("0.5");
    expect(p("=TRUE")).toBe("TRUE");
    expect(p("=false")).toBe("FALSE");
    expect(p("=#N/A")).toBe("#N/A");
    expect(p("=#DIV/0!")).toBe("#DIV/0!");
    expect(p('={1,2;-3,"x";TRUE,#N/A}')).toBe('{1,2;-3,"x";true,#N/A}');
  });

  it("parses calls with omitted arguments and strips future-function prefixes", () => {
    expect(p("=IF(A1,,)")).toBe("IF(cell[0,0:0,0],_,_)");
    expect(p("=_xlfn.XLOOKUP(1,A:A,B:B)")).toBe("XLOOKUP(1,cols[0,0:1048575,0],cols[0,1:1048575,1])");
    expect(p("=_xlfn._xlws.SORT(A1:A3)")).toBe("SORT(area[0,0:2,0])");
    expect(p("=NOW()")).toBe("NOW()");
    expect(p("=TRUE()")).toBe("TRUE()");
    expect(p("=LAMBDA(x,x+1)(2)")).toBe("(LAMBDA($x,($x+1)))(2)");
  });

  it("tolerates whitespace and line breaks around operators and arguments", () => {
    expect(p("= SUM( A1 , 2 )\n+ 1")).toBe("(SUM(cell[0,0:0,0],2)+1)");
  });

  it.each(["=1+", "=SUM(1", '="abc', "={1,2;3}", "=1 +* 2", "=)", "=#FOO!", "=Sales[[#Bogus]]"])("rejects %s", (formula) => {
    expect(() => parseFormula(formula)).toThrow(FormulaSyntaxError);
  });
});
