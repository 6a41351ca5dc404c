import { describe, expect, it } from "vitest";
import { createEngine } from "@/lib/excel/engine";
import { evaluateFormula, workbookFromCells } from "@/test/excel/evaluate-formula";
import { DEFAULT_CALC } from "@/lib/excel/workbook/model";
import { Errors } from "@/lib/excel/values";

describe("operators and coercion", () => {
  it.each([
    ["=1+2*3^2", 19],
    ["=-2^2", 4],
    ["=2^3^2", 64],
    ["=50%*3", 1.5],
    ['="3"+1', 4],
    ['="1,000"*2', 2000],
    ["=TRUE+TRUE", 2],
    ['="a"&1.5&TRUE', "a1.5TRUE"],
    ['=1/3&""', "0.333333333333333"],
    ["=0.1+0.2=0.3", true],
    ["=0.3-0.2-0.1", 0],
    ['="abc"="ABC"', true],
    ['="a"<"b"', true],
    ['=1<"a"', true],
    ['="z"<TRUE', true],
    ["=A1=0", true],
    ['=A1=""', true],
    ["=A1+1", 1],
    ['=A1&"x"', "x"],
  ])("%s", (formula, expected) => {
    expect(evaluateFormula(formula)).toBe(expected);
  });

  it.each([
    ["=1/0", Errors.DIV0],
    ['="x"+1', Errors.VALUE],
    ["=0^0", Errors.NUM],
    ["=(-8)^(1/3)", Errors.NUM],
    ["=1E308*10", Errors.NUM],
    ["=#N/A+1/0", Errors.NA],
    ["=1/0&#N/A", Errors.DIV0],
    ["=(A1:A2 C1:C2)", Errors.NULL],
    ["=NOSUCHFUNCTION(1)", Errors.NAME],
    ["=undefined_name", Errors.NAME],
    ["=[1]Sheet1!A1", Errors.REF],
    ["=1+", Errors.NAME],
  ])("%s gives an error", (formula, expected) => {
    expect(evaluateFormula(formula)).toBe(expected);
  });
});

describe("references and arrays", () => {
  it("broadcasts array arithmetic", () => {
    expect(evaluateFormula("={1,2,3}*{10;20}")).toEqual([
      [10, 20, 30],
      [20, 40, 60],
    ]);
    expect(evaluateFormula("={1,2}+{1,2,3}")).toEqual([[2, 4, Errors.NA]]);
    expect(evaluateFormula("=A1:A3*2", { A1: 1, A2: 2, A3: "x" })).toEqual([[2], [4], [Errors.VALUE]]);
  });

  it("unions, intersections and range operators", () => {
    expect(evaluateFormula("=SUM((A1,B2:B3))", { A1: 1, B2: 2, B3: 3 })).toBe(6);
    expect(evaluateFormula("=SUM(A1:B2 B1:C3)", { B1: 5, B2: 7, A1: 100 })).toBe(12);
    expect(evaluateFormula("=SUM(A1:A2:B3)", { A1: 1, B3: 2 })).toBe(3);
    expect(evaluateFormula("=SUM(A1:INDEX(A1:A5,3))", { A1: 1, A2: 2, A3: 3, A4: 4 })).toBe(6);
  });

  it("reads other sheets, quoted sheet names and 3-D references", () => {
    const cells = { "Sheet2!A1": 2, "'My Data'!A1": 3, "Sheet3!A1": 4 };
    expect(evaluateFormula("=Sheet2!A1*'My Data'!A1", cells)).toBe(6);
    expect(evaluateFormula("=SUM(Sheet2:Sheet3!A1)", cells)).toBe(9);
    expect(evaluateFormula("=NoSheet!A1", cells)).toBe(Errors.REF);
  });

  it("applies implicit intersection to legacy formulas and spills dynamic ones", () => {
    const workbook = workbookFromCells({ A1: 1, A2: 2, A3: 3 });
    const sheet = workbook.sheets[0];
    sheet?.cells.set("B2", { value: null, formula: "A1:A3*10" });
    sheet?.cells.set("C2", { value: null, formula: "A1:A3*10", dynamic: true, arrayRange: "C2:C4" });
    sheet?.cells.set("D1", { value: null, formula: "A1:A3*10", arrayRange: "D1:D2" });
    sheet?.cells.set("E2", { value: null, formula: "SUM(@A1:A3)" });
    sheet?.cells.set("F1", { value: null, formula: "_xlfn.SINGLE(A1:A3)" });
    const engine = createEngine(workbook);
    engine.recalculateAll();
    expect(engine.getValue("B2")).toBe(20);
    expect(engine.getSpill("C2")).toEqual([[10], [20], [30]]);
    expect(engine.getSpill("D1")).toEqual([[10], [20]]);
    expect(engine.getValue("E2")).toBe(2);
    expect(engine.getValue("F1")).toBe(1);
  });

  it("reads a spill through the stored form ANCHORARRAY(A1) as through A1#", () => {
    const workbook = workbookFromCells({ A1: "=SEQUENCE(3)", B1: 5 });
    const sheet = workbook.sheets[0];
    sheet?.cells.set("C1", { value: null, formula: "SUM(_xlfn.ANCHORARRAY(A1))" });
    sheet?.cells.set("C2", { value: null, formula: "ROWS(ANCHORARRAY(A1))" });
    sheet?.cells.set("C3", { value: null, formula: "SUM(_xlfn.ANCHORARRAY(B1))" });
    const engine = createEngine(workbook);
    engine.recalculateAll();
    expect(engine.getValue("C1")).toBe(6);
    expect(engine.getValue("C2")).toBe(3);
    expect(engine.getValue("C3")).toBe(Errors.REF);
  });

  it("evaluates array-typed parameters whole in legacy formulas, other parameters by intersection", () => {
    const workbook = workbookFromCells({ A1: 1, A2: 2, A3: 3, B1: 4, B2: 5, B3: 6 });
    const sheet = workbook.sheets[0];
    sheet?.cells.set("D9", { value: null, formula: "SUMPRODUCT(A1:A3*B1:B3)" });
    sheet?.cells.set("E9", { value: null, formula: "SUMX2PY2(A1:A3*2,B1:B3)" });
    sheet?.cells.set("F9", { value: null, formula: "SLOPE(B1:B3*2,A1:A3)" });
    sheet?.cells.set("C2", { value: null, formula: "SUM(A1:A3*2)" });
    sheet?.cells.set("C9", { value: null, formula: "SUM(A1:A3*2)" });
    const engine = createEngine(workbook);
    engine.recalculateAll();
    expect(engine.getValue("D9")).toBe(32);
    expect(engine.getValue("E9")).toBe(4 + 16 + 36 + 16 + 25 + 36);
    expect(engine.getValue("F9")).toBeCloseTo(2, 12);
    expect(engine.getValue("C2")).toBe(4);
    expect(engine.getValue("C9")).toBe(Errors.VALUE);
  });

  it("array constants, blanks as zero and #SPILL! at the sheet edge", () => {
    expect(evaluateFormula('={1,"a";TRUE,#N/A}')).toEqual([
      [1, "a"],
      [true, Errors.NA],
    ]);
    expect(evaluateFormula("=A1:A2", {})).toEqual([[0], [0]]);
    expect(evaluateFormula("=SEQUENCE(3)", {}, { origin: "Sheet1!A1048575" })).toBe(Errors.SPILL);
  });
});

describe("names, tables, LET and LAMBDA", () => {
  it("resolves a name's relative references against the cell using it", () => {
    const workbook = workbookFromCells({ B1: 7.5, B5: 7.25, B6: 6.5, A4: 1, A5: 2, B4: 10, B8: 20, C5: "=HOURS*RATE", C6: "=HOURS*RATE", B10: "=SUM(VALUES)", A10: "=SUM(VALUES)" });
    workbook.names.push(
      { name: "RATE", formula: "Sheet1!$B$1" },
      { name: "HOURS", formula: "Sheet1!$B1" },
      { name: "VALUES", formula: "Sheet1!A$4:A$8" },
    );
    const engine = createEngine(workbook);
    engine.recalculateAll();
    expect(engine.getValue("C5")).toBe(7.25 * 7.5);
    expect(engine.getValue("C6")).toBe(6.5 * 7.5);
    expect(engine.getValue("B10")).toBe(10 + 7.25 + 6.5 + 20);
    expect(engine.getValue("A10")).toBe(3);
  });

  it("resolves workbook- and sheet-scoped names", () => {
    const workbook = workbookFromCells({ A1: 10, "Sheet2!A1": 20, B1: "=Rate*2", "Sheet2!B1": "=Rate*2", C1: "=Sheet2!Rate" });
    workbook.names.push({ name: "Rate", formula: "Sheet1!$A$1" }, { name: "Rate", scope: "Sheet2", formula: "Sheet2!$A$1+1" });
    const engine = createEngine(workbook);
    engine.recalculateAll();
    expect(engine.getValue("B1")).toBe(20);
    expect(engine.getValue("Sheet2!B1")).toBe(42);
    expect(engine.getValue("C1")).toBe(21);
    engine.setCellValue("A1", 1);
    engine.recalculate();
    expect(engine.getValue("B1")).toBe(2);
  });

  it("evaluates structured references", () => {
    const workbook = workbookFromCells({ A1: "Item", B1: "Qty", C1: "Calc", A2: "a", B2: 2, A3: "b", B3: 5, A4: "Total", B4: "=SUBTOTAL(109,T[Qty])", C2: "=T[@Qty]*10", C3: "=[@Qty]*10", D1: "=ROWS(T[#All])", D2: "=T[[#Headers],[Qty]]", D3: "=SUM(T[[Qty]:[Calc]])", D4: "=SUM(T)" });
    workbook.tables.push({ name: "T", sheet: "Sheet1", ref: "A1:C4", headerRowCount: 1, totalsRowCount: 1, columns: ["Item", "Qty", "Calc"] });
    const engine = createEngine(workbook);
    engine.recalculateAll();
    expect(engine.getValue("B4")).toBe(7);
    expect(engine.getValue("C2")).toBe(20);
    expect(engine.getValue("C3")).toBe(50);
    expect(engine.getValue("D1")).toBe(4);
    expect(engine.getValue("D2")).toBe("Qty");
    expect(engine.getValue("D3")).toBe(77);
    expect(engine.getValue("D4")).toBe(77);
  });

  it("binds LET variables and LAMBDA parameters, with closures and helpers", () => {
    expect(evaluateFormula("=LET(x,2,y,x*3,x+y)")).toBe(8);
    expect(evaluateFormula("=LET(r,A1:A3,SUM(r)*2)", { A1: 1, A2: 2, A3: 3 })).toBe(12);
    expect(evaluateFormula("=LAMBDA(a,b,a*b)(3,4)")).toBe(12);
    expect(evaluateFormula("=LET(k,10,f,LAMBDA(x,x+k),f(1))")).toBe(11);
    expect(evaluateFormula("=LAMBDA(a,[b],IF(ISOMITTED(b),a,a+b))(1)")).toBe(Errors.VALUE);
    expect(evaluateFormula("=LAMBDA(a,b,IF(ISOMITTED(b),-a,a+b))(1)")).toBe(-1);
    expect(evaluateFormula("=MAP({1,2,3},LAMBDA(x,x*x))")).toEqual([[1, 4, 9]]);
    expect(evaluateFormula("=REDUCE(0,{1,2,3},LAMBDA(a,v,a+v))")).toBe(6);
    expect(evaluateFormula("=SCAN(0,{1,2,3},LAMBDA(a,v,a+v))")).toEqual([[1, 3, 6]]);
    expect(evaluateFormula("=BYROW({1,2;3,4},LAMBDA(r,SUM(r)))")).toEqual([[3], [7]]);
    expect(evaluateFormula("=BYCOL({1,2;3,4},LAMBDA(c,SUM(c)))")).toEqual([[4, 6]]);
    expect(evaluateFormula("=MAKEARRAY(2,2,LAMBDA(r,c,r*10+c))")).toEqual([
      [11, 12],
      [21, 22],
    ]);
  });

  it("reports an argument left empty (f(1,)) and an optional parameter (stored _xlop.) as omitted", () => {
    expect(evaluateFormula('=LAMBDA(x,y,IF(ISOMITTED(y),"missing",x+y))(1,)')).toBe("missing");
    expect(evaluateFormula('=LAMBDA(x,y,IF(ISOMITTED(y),"missing",x+y))(1,2)')).toBe(3);
    expect(evaluateFormula("=LAMBDA(_xlpm.a,_xlop.b,IF(ISOMITTED(_xlpm.b),_xlpm.a/2,_xlpm.a*_xlpm.b))(12)")).toBe(6);
    expect(evaluateFormula("=LAMBDA(_xlpm.a,_xlop.b,IF(ISOMITTED(_xlpm.b),_xlpm.a/2,_xlpm.a*_xlpm.b))(12,3)")).toBe(36);
    expect(evaluateFormula("=LET(f,SUM,f(1,,2))")).toBe(3);
  });

  it("passes built-in functions as values (eta lambdas, stored _xleta.NAME)", () => {
    expect(evaluateFormula("=BYROW({1,2;3,4},SUM)")).toEqual([[3], [7]]);
    expect(evaluateFormula("=BYCOL({1,2;3,4},_xleta.MAX)")).toEqual([[3, 4]]);
    expect(evaluateFormula("=MAP({1,4,9},SQRT)")).toEqual([[1, 2, 3]]);
    expect(evaluateFormula("=REDUCE(1,{2,3,4},PRODUCT)")).toBe(24);
    expect(evaluateFormula("=LET(f,_xlfn._xleta.COUNTA,f(A1:A3))", { A1: 1, A3: "x" })).toBe(2);
    expect(evaluateFormula("=BYROW(A1:B2,SUM)", { A1: 1, B1: "x", A2: 2, B2: 3 })).toEqual([[1], [5]]);
  });

  it("leaves an undefined name that happens to spell a function #NAME? outside call arguments", () => {
    expect(evaluateFormula("=Rate*12")).toBe(Errors.NAME);
    expect(evaluateFormula("=SUM")).toBe(Errors.NAME);
    expect(evaluateFormula("=ISREF(_xleta.SUM)")).toBe(false);
  });

  it("refuses a lambda with the wrong number of parameters and a result that is not one value", () => {
    expect(evaluateFormula("=BYROW({1,2;3,4},LAMBDA(a,b,a))")).toBe(Errors.VALUE);
    expect(evaluateFormula("=MAP({1,2},LAMBDA(a,b,a))")).toBe(Errors.VALUE);
    expect(evaluateFormula("=REDUCE(0,{1,2},LAMBDA(a,a))")).toBe(Errors.VALUE);
    expect(evaluateFormula("=BYROW({1,2},SQRT)")).toBe(Errors.CALC);
    expect(evaluateFormula("=MAKEARRAY(2,2,ABS)")).toBe(Errors.VALUE);
    expect(evaluateFormula("=BYROW({1,2;3,4},LAMBDA(r,r*2))")).toEqual([[Errors.CALC], [Errors.CALC]]);
    expect(evaluateFormula("=BYROW({1,2;3,4},1)")).toBe(Errors.VALUE);
  });
});

describe("volatile and injected sources", () => {
  it("uses the injected clock and random source", () => {
    expect(evaluateFormula("=RAND()", {}, { random: () => 0.25 })).toBe(0.25);
    expect(evaluateFormula("=INDIRECT(\"B\"&2)", { B2: 7 })).toBe(7);
    expect(evaluateFormula("=INDIRECT(\"R2C2\",FALSE)", { B2: 8 })).toBe(8);
    expect(evaluateFormula("=SUM(OFFSET(A1,1,0,2,1))", { A2: 1, A3: 2 })).toBe(3);
  });

  it("honours workbook iteration settings only when enabled", () => {
    const workbook = workbookFromCells({ A1: "=A1+1" });
    const engine = createEngine({ ...workbook, calc: { ...DEFAULT_CALC, iterate: false } });
    engine.recalculateAll();
    expect(engine.getValue("A1")).toBe(0);
  });
});
