import { describe, expect, it } from "vitest";
import { createEngine } from "@/lib/excel/engine";
import { workbookFromCells } from "@/test/excel/evaluate-formula";
import { Errors } from "@/lib/excel/values";

/** Evaluates formulas in a workbook saved with the 1904 date system (serial 0 is 1904-01-01). */
function in1904(formulas: Record<string, string>, date1904 = true): (address: string) => unknown {
  const cells: Record<string, unknown> = { A1: 0, A2: 43830 };
  for (const [address, formula] of Object.entries(formulas)) cells[address] = `=${formula}`;
  const engine = createEngine({ ...workbookFromCells(cells), date1904 }, { now: () => new Date(2024, 0, 1, 12) });
  engine.recalculateAll();
  return (address) => engine.getValue(address);
}

describe("the 1904 date system", () => {
  it("reads serials from 1904-01-01 in date functions and formats", () => {
    const value = in1904({
      B1: 'TEXT(A1,"yyyy-mm-dd")',
      B2: 'TEXT(A2,"dddd d mmm yyyy")',
      B3: "YEAR(A1)",
      B4: "WEEKDAY(A1)",
      B5: "EOMONTH(A1,0)",
      B6: "DAY(A2)",
      B7: "DAY(A2+0.9999999)",
    });
    expect(value("B1")).toBe("1904-01-01");
    expect(value("B2")).toBe("Monday 1 Jan 2024");
    expect(value("B3")).toBe(1904);
    expect(value("B4")).toBe(6);
    expect(value("B5")).toBe(30);
    expect(value("B6")).toBe(1);
    expect(value("B7")).toBe(2);
  });

  it("writes serials counted from 1904-01-01", () => {
    const value = in1904({ B1: "DATE(2024,1,1)", B2: 'DATEVALUE("2024-01-01")', B3: '"1/1/2024"+0', B4: "TODAY()", B5: "DATE(1903,12,31)", B6: 'DAYS("2024-01-31","2024-01-01")' });
    expect(value("B1")).toBe(43830);
    expect(value("B2")).toBe(43830);
    expect(value("B3")).toBe(43830);
    expect(value("B4")).toBe(43830);
    expect(value("B5")).toBe(Errors.NUM);
    expect(value("B6")).toBe(30);
  });

  it("leaves 1900-system workbooks as they are, in the same process", () => {
    const v1904 = in1904({ B1: "DATE(2024,1,1)" });
    const v1900 = in1904({ B1: "DATE(2024,1,1)", B2: 'TEXT(A2,"yyyy-mm-dd")' }, false);
    expect(v1904("B1")).toBe(43830);
    expect(v1900("B1")).toBe(45292);
    expect(v1900("B2")).toBe("2019-12-31");
  });
});
