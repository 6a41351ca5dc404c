/** An input's type from its value, number format and data validation. */
import type { FieldType } from "@/lib/excel/analyse/types";
import type { DataValidationModel } from "@/lib/excel/workbook/model";
import type { Scalar } from "@/lib/excel/values";

/** The format with quoted text, escapes and [colour]/[$-locale] blocks removed, for token tests. */
function bareFormat(format: string): string {
  return format.replace(/"[^"]*"/g, "").replace(/[\\_*]./g, "").replace(/\[(?!\$)[^\]]*\]/g, "");
}

export function typeFromFormat(format: string | undefined): FieldType | undefined {
  if (!format || format === "General" || format === "@") return undefined;
  const bare = bareFormat(format);
  const withoutColours = format.replace(/\[(?!\$)[^\]]*\]/g, "");
  if (/[$€£¥₹]/.test(withoutColours.replace(/\[\$-[^\]]*\]/g, ""))) return "currency";
  if (bare.includes("%")) return "percent";
  const letters = bare.replace(/\[\$[^\]]*\]/g, "");
  if (/[dyhs]/i.test(letters) || (/m/i.test(letters) && !/[0#?]/.test(letters))) return "date";
  return undefined;
}

function splitList(formula: string): string[] | undefined {
  const text = formula.trim();
  if (!text.startsWith('"')) return undefined;
  return text
    .slice(1, text.endsWith('"') ? -1 : undefined)
    .replaceAll('""', '"')
    .split(",")
    .map((s) => s.trim());
}

export interface TypedField {
  readonly type: FieldType;
  readonly options?: string[];
  readonly min?: number;
  readonly max?: number;
}

/** `resolveList` turns a list validation's source formula (a range or name) into its choices. */
export function inferFieldType(
  value: Scalar,
  format: string | undefined,
  validation: DataValidationModel | undefined,
  resolveList: (formula: string) => string[] | undefined,
): TypedField {
  if (validation?.type === "list" && validation.formula1) {
    const options = splitList(validation.formula1) ?? resolveList(validation.formula1);
    if (options && options.length > 0) return { type: "list", options };
  }
  if (typeof value === "boolean") return { type: "boolean" };
  const fromFormat = typeFromFormat(format);
  if (typeof value === "string") return { type: fromFormat === "date" ? "date" : "text" };
  const bounds: { min?: number; max?: number } = {};
  if ((validation?.type === "whole" || validation?.type === "decimal") && (validation.operator ?? "between") === "between") {
    const min = Number(validation.formula1);
    const max = Number(validation.formula2);
    if (validation.formula1 !== undefined && Number.isFinite(min)) bounds.min = min;
    if (validation.formula2 !== undefined && Number.isFinite(max)) bounds.max = max;
  }
  if (validation?.type === "date") return { type: "date" };
  return { type: fromFormat ?? "number", ...bounds };
}
