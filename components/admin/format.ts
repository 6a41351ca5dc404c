export function formatUsd(value: number): string {
  if (value === 0) return "$0";
  if (Math.abs(value) < 0.01) return `$${value.toFixed(4)}`;
  return value.toLocaleString("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 2 });
}

export function formatCount(value: number): string {
  return value.toLocaleString("en-US", { notation: value >= 100_000 ? "compact" : "standard", maximumFractionDigits: 1 });
}

export function formatPercent(value: number): string {
  return `${(value * 100).toFixed(value < 0.1 && value > 0 ? 1 : 0)}%`;
}

/** `YYYY-MM-DD` of a date in UTC, for date inputs and the chart's days. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
