/** A generated workbook of 100,000 formulas (5 per row, with a 20,000-deep running-total chain). */
import { formatCellAddress } from "@/lib/excel/formula/references";
import { type CellModel, DEFAULT_CALC, emptySheet, type Workbook } from "@/lib/excel/workbook/model";

export function generateWorkbook(rows: number): Workbook {
  const data = emptySheet("Data");
  const lookup = emptySheet("Lookup");
  for (let k = 1; k <= 100; k++) {
    lookup.cells.set(`A${k}`, { value: k });
    lookup.cells.set(`B${k}`, { value: k * 1.5 });
  }
  const set = (col: number, row: number, cell: CellModel): void => {
    data.cells.set(formatCellAddress(row, col), cell);
  };
  for (let i = 0; i < rows; i++) {
    const r = i + 1;
    set(0, i, { value: r });
    set(1, i, { value: (r * 7) % 13 });
    set(2, i, { value: null, formula: `A${r}*B${r}+1` });
    set(3, i, { value: null, formula: `IF(C${r}>50,C${r}-A${r},C${r}+B${r})` });
    set(4, i, { value: null, formula: `VLOOKUP(MOD(A${r},100)+1,Lookup!$A$1:$B$100,2,FALSE)` });
    set(5, i, { value: null, formula: `ROUND(D${r}/3+E${r},2)` });
    set(6, i, { value: null, formula: i === 0 ? `F${r}` : `G${i}+F${r}` });
  }
  return { sheets: [data, lookup], names: [], tables: [], calc: DEFAULT_CALC, date1904: false };
}
