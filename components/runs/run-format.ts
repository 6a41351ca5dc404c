import type { BadgeTone } from "@/components/ui/status-badge";

/** Display helpers shared by the runs list and the run timeline. */
export const ACTIVE_RUN_STATUSES = ["queued", "running", "sleeping", "waiting"];

const STATUS_TONES: Record<string, BadgeTone> = {
  queued: "neutral",
  running: "info",
  sleeping: "info",
  waiting: "warning",
  retrying: "warning",
  completed: "success",
  failed: "danger",
  cancelled: "neutral",
};

export const statusTone = (status: string): BadgeTone => STATUS_TONES[status] ?? "neutral";

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export const formatTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—");

export function formatJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2) ?? "null";
  return text.length > 4000 ? `${text.slice(0, 4000)}\n…` : text;
}
