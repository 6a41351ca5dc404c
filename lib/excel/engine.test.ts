import { describe, expect, it } from "vitest";
import { createEngine } from "@/lib/excel/engine";
import { workbookFromCells } from "@/test/excel/evaluate-formula";
import { DEFAULT_CALC, type Workbook } from "@/lib/excel/workbook/model";
import { Errors } from "@/lib/excel/values";

function engineFor(cells: Record<string, unknown>, patch: Partial<Workbook> = {}) {
  const engine = createEngine({ ...workbookFromCells(cells), ...patch });
  engine.recalculateAll();
  return engine;
}

describe("engine: incremental recalculation", () => {
  it("recomputes only the cells an input change reaches", () => {
    const engine = engineFor({ A1: 1, B1: "=A1*2", C1: "=B1+1", A2: 5, B2: "=A2*2", C2: "=SUM(B1:B2)" });
    expect(engine.getValue("C2")).toBe(12);
    const before = engine.evaluations;
    engine.setCellValue("A1", 10);
    const changed = engine.recalculate();
    expect(engine.evaluations - before).toBe(3);
    expect(changed.map((c) => c.ref).sort()).toEqual(["Sheet1!B1", "Sheet1!C1", "Sheet1!C2"]);
    expect(engine.getValue("C2")).toBe(30);
    expect(engine.getValue("B2")).toBe(10);
  });

  it("follows range dependencies without per-cell edges", () => {
    const cells: Record<string, unknown> = { B1: "=SUM(A1:A50000)", B2: "=SUM(A:A)", C1: "=A3" };
    for (let r = 1; r <= 100; r++) cells[`A${r}`] = r;
    const engine = engineFor(cells);
    expect(engine.getValue("B1")).toBe(5050);
    const before = engine.evaluations;
    engine.setCellValue("A40000", 1000);
    engine.recalculate();
    expect(engine.evaluations - before).toBe(2);
    expect(engine.getValue("B1")).toBe(6050);
    expect(engine.getValue("B2")).toBe(6050);
  });

  it("recalculates volatile functions on every recalculation", () => {
    let n = 0;
    const engine = createEngine(workbookFromCells({ A1: "=RAND()", B1: "=A1*2", C1: "=1+1" }), { random: () => ++n / 10 });
    engine.recalculateAll();
    expect(engine.getValue("B1")).toBeCloseTo(0.2);
    const before = engine.evaluations;
    engine.recalculate();
    expect(engine.getValue("B1")).toBeCloseTo(0.4);
    expect(engine.evaluations - before).toBe(2);
  });

  it("does not recompute OFFSET of a deleted range (#REF!) as volatile", () => {
    const engine = engineFor({ A1: 1, B1: "=OFFSET(#REF!,1,0)+A1", C1: "=OFFSET(A1,0,0)" });
    expect(engine.getValue("B1")).toBe(Errors.REF);
    const before = engine.evaluations;
    engine.recalculate();
    expect(engine.evaluations - before).toBe(1);
    expect(engine.getValue("B1")).toBe(Errors.REF);
  });

  it("replaces formulas and values", () => {
    const engine = engineFor({ A1: 2, B1: "=A1+1" });
    engine.setCellFormula("A1", "=10*3");
    engine.recalculate();
    expect(engine.getValue("B1")).toBe(31);
    engine.setCellValue("B1", "fixed");
    engine.setCellValue("A1", 0);
    engine.recalculate();
    expect(engine.getValue("B1")).toBe("fixed");
    expect(engine.getFormula("B1")).toBeUndefined();
  });
});

describe("engine: deep chains and cycles", () => {
  it("evaluates a 10,000-deep chain without overflowing the stack", () => {
    const cells: Record<string, unknown> = { A1: 1 };
    for (let r = 2; r <= 10_000; r++) cells[`A${r}`] = `=A${r - 1}+1`;
    const engine = createEngine(workbookFromCells(cells));
    engine.recalculateAll();
    expect(engine.getValue("A10000")).toBe(10_000);
    engine.setCellValue("A1", 5);
    engine.recalculate();
    expect(engine.getValue("A10000")).toBe(10_004);
  });

  it("evaluates a chain written in reverse order", () => {
    const cells: Record<string, unknown> = { A10000: 1 };
    for (let r = 1; r < 10_000; r++) cells[`A${r}`] = `=A${r + 1}*1+1`;
    const engine = engineFor(cells);
    expect(engine.getValue("A1")).toBe(10_000);
  });

  it("leaves circular references at their last value (0 when new) while iteration is off, as Excel does", () => {
    const engine = engineFor({ A1: "=B1+1", B1: "=A1+1", C1: "=A1", D1: "=5", E1: "=E1" });
    expect(engine.getValue("A1")).toBe(0);
    expect(engine.getValue("B1")).toBe(0);
    expect(engine.getValue("C1")).toBe(0);
    expect(engine.getValue("E1")).toBe(0);
    expect(engine.getValue("D1")).toBe(5);
  });

  it("keeps the values a circular workbook was saved with", () => {
    const workbook = workbookFromCells({ A1: 1 });
    workbook.sheets[0]?.cells.set("B1", { value: 16, formula: "B1+A1" });
    workbook.sheets[0]?.cells.set("C1", { value: null, formula: "B1*2" });
    const engine = createEngine(workbook);
    engine.recalculateAll();
    expect(engine.getValue("B1")).toBe(16);
    expect(engine.getValue("C1")).toBe(32);
  });

  it("iterates in sheet order, row by row, from the last values", () => {
    // Excel's documented example: A1 = 1+A2, A2 = 1+A1 with 10 iterations gives 19 and 20.
    const calc = { ...DEFAULT_CALC, iterate: true, iterateCount: 10, iterateDelta: 0.001 };
    const engine = engineFor({ A2: "=1+A1", A1: "=1+A2" }, { calc });
    expect(engine.getValue("A1")).toBe(19);
    expect(engine.getValue("A2")).toBe(20);
  });

  it("iterates circular references when the workbook enables iterative calculation", () => {
    const calc = { ...DEFAULT_CALC, iterate: true, iterateCount: 100, iterateDelta: 1e-9 };
    // x = 10 + x/2 converges to 20
    const engine = engineFor({ A1: "=10+B1/2", B1: "=A1", C1: "=A1*2" }, { calc });
    expect(engine.getValue("A1") as number).toBeCloseTo(20, 6);
    expect(engine.getValue("C1") as number).toBeCloseTo(40, 6);
  });

  it("stops iterating at the iteration count", () => {
    const calc = { ...DEFAULT_CALC, iterate: true, iterateCount: 5, iterateDelta: 0 };
    const engine = engineFor({ A1: "=A1+1" }, { calc });
    expect(engine.getValue("A1")).toBe(5);
  });
});

describe("engine: dynamic arrays", () => {
  it("spills, reports #SPILL! when blocked and recovers when unblocked", () => {
    const engine = engineFor({ A1: "=SEQUENCE(3)", B1: "=A2*10", A3: "x" });
    expect(engine.getValue("A1")).toBe(Errors.SPILL);
    expect(engine.getValue("B1")).toBe(0);
    engine.setCellValue("A3", null);
    engine.recalculate();
    expect(engine.getValue("A1")).toBe(1);
    expect(engine.getValue("A3")).toBe(3);
    expect(engine.getValue("B1")).toBe(20);
  });

  it("resolves A1# to the current spill area", () => {
    const engine = engineFor({ A1: "={1;2;3}", C1: "=SUM(A1#)", D1: "=ROWS(A1#)" });
    expect(engine.getValue("C1")).toBe(6);
    expect(engine.getValue("D1")).toBe(3);
    engine.setCellFormula("A1", "={1;2;3;4}");
    engine.recalculate();
    expect(engine.getValue("C1")).toBe(10);
    expect(engine.getSpill("A1")).toEqual([[1], [2], [3], [4]]);
  });

  it("shrinks a spill and clears the cells it no longer fills", () => {
    const engine = engineFor({ A1: "={1;2;3}", B3: "=A3" });
    expect(engine.getValue("B3")).toBe(3);
    engine.setCellFormula("A1", "={1;2}");
    engine.recalculate();
    expect(engine.getValue("A3")).toBeNull();
    expect(engine.getValue("B3")).toBe(0);
  });
});
