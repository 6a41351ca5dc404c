/** A sensible chart for a numeric table when the workbook has none: the first text column as categories. */
import type { ChartInfo, TableRegion } from "@/lib/excel/analyse/types";
import { formatCellAddress, parseAreaAddress } from "@/lib/excel/formula/references";
import type { Workbook } from "@/lib/excel/workbook/model";

const MAX_SUGGESTED = 3;
const MAX_ROWS = 60;

export function suggestCharts(workbook: Workbook, tables: readonly TableRegion[]): ChartInfo[] {
  const out: ChartInfo[] = [];
  for (const table of tables) {
    const sheet = workbook.sheets.find((s) => s.name === table.sheet);
    const area = parseAreaAddress(table.range);
    if (!sheet || !area || out.length >= MAX_SUGGESTED) continue;
    const rows = area.bottom - area.top + 1;
    if (rows < 2 || rows > MAX_ROWS) continue;
    const kinds = table.headers.map((_, i) => {
      let numbers = 0;
      let texts = 0;
      for (let r = area.top; r <= area.bottom; r++) {
        const v = sheet.cells.get(formatCellAddress(r, area.left + i))?.value;
        if (typeof v === "number") numbers++;
        else if (typeof v === "string") texts++;
      }
      return numbers >= rows * 0.8 ? "number" : texts >= rows * 0.8 ? "text" : "mixed";
    });
    const numeric = kinds.flatMap((k, i) => (k === "number" ? [i] : []));
    if (numeric.length === 0) continue;
    const categoryCol = kinds.indexOf("text");
    const column = (i: number) => `${table.sheet}!${formatCellAddress(area.top, area.left + i)}:${formatCellAddress(area.bottom, area.left + i)}`;
    out.push({
      sheet: table.sheet,
      title: table.source === "excel-table" ? table.name : `${table.headers[numeric[0] ?? 0] ?? "Values"} by row`,
      kind: categoryCol >= 0 ? "column" : "line",
      series: numeric.slice(0, 4).map((i) => ({ name: table.headers[i] ?? `Series ${i + 1}`, values: column(i), ...(categoryCol >= 0 && { categories: column(categoryCol) }) })),
      source: "suggested",
    });
  }
  return out;
}
