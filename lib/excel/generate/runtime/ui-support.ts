/**
 * Framework-neutral helpers for a generated app's UI: showing and parsing field values, table sorting
 * and chart geometry (plain SVG). Copied into generated projects; depends on nothing.
 */
export type CellValue = number | string | boolean | null | { error: string };
/** What a user can type: every value but an error. */
export type InputValue = number | string | boolean | null;
export type FieldType = "number" | "currency" | "percent" | "date" | "boolean" | "list" | "text";

export interface FieldLike {
  readonly type: FieldType;
  readonly format?: string;
  readonly options?: readonly string[];
  readonly min?: number;
  readonly max?: number;
}

export interface ChartSpec {
  readonly title: string;
  readonly kind: "bar" | "column" | "line" | "area" | "pie" | "scatter";
  readonly series: readonly { readonly name: string; readonly values: readonly string[]; readonly categories: readonly string[] }[];
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function serialToIsoDate(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * DAY_MS)).toISOString().slice(0, 10);
}

export function isoDateToSerial(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(ms) ? undefined : Math.round((ms - EXCEL_EPOCH_MS) / DAY_MS);
}

function currencySymbol(format: string | undefined): string {
  return /[€£¥₹]/.exec(format ?? "")?.[0] ?? "$";
}

function decimals(format: string | undefined, fallback: number): number {
  const m = /0\.(0+)/.exec(format ?? "");
  return m?.[1] ? m[1].length : format && /[0#]/.test(format) ? 0 : fallback;
}

/** A value as text for display, following the field's type. */
export function formatValue(value: CellValue | undefined, field?: FieldLike): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "object") return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const type = field?.type ?? "number";
  if (type === "percent") return `${(value * 100).toLocaleString("en-US", { maximumFractionDigits: decimals(field?.format, 2) })}%`;
  if (type === "currency") {
    const digits = decimals(field?.format, 2);
    return `${value < 0 ? "-" : ""}${currencySymbol(field?.format)}${Math.abs(value).toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
  }
  if (type === "date") return serialToIsoDate(value);
  return value.toLocaleString("en-US", { maximumFractionDigits: 10 });
}

/** The text an input control shows for a value (percent as a number of percent, dates as yyyy-mm-dd). */
export function toInputText(value: CellValue | undefined, field: FieldLike): string {
  if (typeof value === "number" && field.type === "percent") return String(Number((value * 100).toPrecision(12)));
  if (typeof value === "number" && field.type === "date") return serialToIsoDate(value);
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? value.error : String(value);
}

/** Parses what the user typed into a value for the model, or explains what is wrong. */
export function parseInput(raw: string | boolean, field: FieldLike): { value: InputValue } | { error: string } {
  if (typeof raw === "boolean") return { value: raw };
  const text = raw.trim();
  if (field.type === "text") return { value: raw };
  if (field.type === "list") {
    if (field.options && field.options.length > 0 && !field.options.includes(text)) return { error: `Choose one of: ${field.options.join(", ")}` };
    const n = Number(text);
    return { value: text !== "" && Number.isFinite(n) ? n : text };
  }
  if (text === "") return { value: null };
  if (field.type === "boolean") return /^(true|false)$/i.test(text) ? { value: /^true$/i.test(text) } : { error: "Enter TRUE or FALSE" };
  if (field.type === "date") {
    const serial = isoDateToSerial(text);
    return serial === undefined ? { error: "Enter a date as YYYY-MM-DD" } : { value: serial };
  }
  const n = Number(text.replace(/[,$€£¥₹%\s]/g, ""));
  if (!Number.isFinite(n)) return { error: "Enter a number" };
  const value = field.type === "percent" ? n / 100 : n;
  if (field.min !== undefined && value < field.min) return { error: `Must be at least ${field.min}` };
  if (field.max !== undefined && value > field.max) return { error: `Must be at most ${field.max}` };
  return { value };
}

/** Sorting key comparison in Excel's order: numbers, then text, then booleans, blanks last. */
export function compareValues(a: CellValue | undefined, b: CellValue | undefined): number {
  const rank = (v: CellValue | undefined) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : typeof v === "boolean" ? 2 : v === null || v === undefined ? 4 : 3);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return a.localeCompare(b);
  return 0;
}

export interface ChartGeometry {
  readonly width: number;
  readonly height: number;
  readonly categories: string[];
  /** Per series: points in SVG coordinates (bars use x, y, w, h). */
  readonly series: { name: string; color: string; points: { x: number; y: number; w: number; h: number; value: number; label: string }[]; path: string }[];
  readonly slices: { path: string; color: string; label: string }[];
  readonly ticks: { y: number; label: string }[];
}

const COLORS = ["#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2"];

export function chartGeometry(chart: ChartSpec, valueOf: (ref: string) => CellValue | undefined, width = 560, height = 280): ChartGeometry {
  const pad = { left: 56, right: 12, top: 12, bottom: 36 };
  const numbers = chart.series.map((s) => s.values.map((ref) => {
    const v = valueOf(ref);
    return typeof v === "number" && Number.isFinite(v) ? v : 0;
  }));
  const first = chart.series[0];
  const count = Math.max(0, ...numbers.map((n) => n.length));
  const categories = Array.from({ length: count }, (_, i) => {
    const ref = first?.categories[i];
    return ref ? formatValue(valueOf(ref)) : String(i + 1);
  });
  if (chart.kind === "pie") {
    const values = (numbers[0] ?? []).map((v) => Math.max(0, v));
    const total = values.reduce((a, b) => a + b, 0) || 1;
    const r = Math.min(width, height) / 2 - 10;
    const cx = width / 2;
    const cy = height / 2;
    let angle = -Math.PI / 2;
    const slices = values.map((v, i) => {
      const end = angle + (v / total) * Math.PI * 2;
      const large = end - angle > Math.PI ? 1 : 0;
      const path = `M${cx},${cy} L${cx + r * Math.cos(angle)},${cy + r * Math.sin(angle)} A${r},${r} 0 ${large} 1 ${cx + r * Math.cos(end)},${cy + r * Math.sin(end)} Z`;
      angle = end;
      return { path, color: COLORS[i % COLORS.length] ?? "#2563eb", label: `${categories[i] ?? ""}: ${formatValue(v)}` };
    });
    return { width, height, categories, series: [], slices, ticks: [] };
  }
  const all = numbers.flat();
  const max = Math.max(0, ...all);
  const min = Math.min(0, ...all);
  const span = max - min || 1;
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const y = (v: number) => pad.top + plotH - ((v - min) / span) * plotH;
  const band = plotW / Math.max(1, count);
  const barW = (band * 0.8) / Math.max(1, numbers.length);
  const series = numbers.map((values, s) => {
    const points = values.map((v, i) => {
      const bar = chart.kind === "column" || chart.kind === "bar";
      const x = bar ? pad.left + i * band + band * 0.1 + s * barW : pad.left + i * band + band / 2;
      return { x, y: Math.min(y(v), y(0)), w: barW, h: Math.abs(y(v) - y(0)), value: v, label: `${chart.series[s]?.name ?? ""} ${categories[i] ?? ""}: ${formatValue(v)}` };
    });
    const path = values.map((v, i) => `${i === 0 ? "M" : "L"}${pad.left + i * band + band / 2},${y(v)}`).join(" ");
    return { name: chart.series[s]?.name ?? `Series ${s + 1}`, color: COLORS[s % COLORS.length] ?? "#2563eb", points, path };
  });
  const ticks = Array.from({ length: 5 }, (_, i) => {
    const v = min + (span * i) / 4;
    return { y: y(v), label: formatValue(Number(v.toPrecision(3))) };
  });
  return { width, height, categories, series, slices: [], ticks };
}
