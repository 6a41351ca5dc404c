import "server-only";
import type { Database } from "@/db/database";
import { checkRange } from "@/server/llm/build-cost-dashboard";
import { listCallsForExport, type UsageRange } from "@/server/llm/usage-report-repository";

const COLUMNS = [
  "createdAt", "userId", "conversationId", "runId", "stepId", "source", "provider", "model", "complexity", "status", "errorCode",
  "inputTokens", "outputTokens", "cacheReadTokens", "cacheWriteTokens", "costUsd", "baselineCostUsd", "priceVersion",
  "latencyMs", "timeToFirstTokenMs", "fallbackChain", "routeReason",
] as const;

function cell(value: unknown): string {
  const text = value instanceof Date ? value.toISOString() : typeof value === "object" && value !== null ? JSON.stringify(value) : String(value ?? "");
  // A leading =, +, - or @ would run as a formula when the file is opened in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The calls of a range as CSV (RFC 4180), one row per call. */
export async function exportCallsCsv(db: Database, range: UsageRange): Promise<string> {
  const rows = await listCallsForExport(db, checkRange(range));
  const lines = [COLUMNS.join(",")];
  for (const row of rows) lines.push(COLUMNS.map((column) => cell(row[column])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
