import { describe, expect, it } from "vitest";
import { listUnknownFunctions } from "@/lib/excel/analyse/list-unknown-functions";
import { createEngine } from "@/lib/excel/engine";
import { workbookFromCells } from "@/test/excel/evaluate-formula";
import { Errors } from "@/lib/excel/values";

describe("listUnknownFunctions", () => {
  it("lists functions the engine lacks, not LET/LAMBDA-bound names or defined names", () => {
    const workbook = workbookFromCells({
      A1: "=FOOBAR(1)+SUM(2)",
      A2: "=FOOBAR(3)",
      A3: "=LET(f,LAMBDA(x,x*2),f(4))",
      A4: "=_xlfn.NOTAFUNCTION(1)",
      A5: "=MYLAMBDA(2)",
      A6: "=SUM(1,",
    });
    workbook.names.push({ name: "MyLambda", formula: "LAMBDA(x,x+1)" });
    expect(listUnknownFunctions(workbook)).toEqual([
      { name: "FOOBAR", count: 2, examples: ["Sheet1!A1", "Sheet1!A2"] },
      { name: "NOTAFUNCTION", count: 1, examples: ["Sheet1!A4"] },
    ]);
    const engine = createEngine(workbook);
    engine.recalculateAll();
    expect(engine.getValue("A1")).toBe(Errors.NAME);
    expect(engine.getValue("A3")).toBe(8);
    expect(engine.getValue("A5")).toBe(3);
    expect(engine.getValue("A6")).toBe(Errors.NAME);
    expect(engine.unknownFunctions()).toEqual(["FOOBAR", "NOTAFUNCTION"]);
  });
});

describe("CUBE functions", () => {
  it("are listed as unsupported: they read an OLAP cube or the Data Model, not cells", () => {
    const workbook = workbookFromCells({
      A1: '=CUBEMEMBER("ThisWorkbookDataModel","[Measures].[Sum of Price]")',
      A2: '=CUBEVALUE("ThisWorkbookDataModel",A1)',
    });
    expect(listUnknownFunctions(workbook).map((u) => u.name)).toEqual(["CUBEMEMBER", "CUBEVALUE"]);
  });
});
