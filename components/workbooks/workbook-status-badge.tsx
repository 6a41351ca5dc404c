import { StatusBadge, type BadgeTone } from "@/components/ui/status-badge";
import type { WorkbookStatus } from "@/db/schema/workbooks";

const TONES: Record<WorkbookStatus, BadgeTone> = { queued: "neutral", processing: "info", ready: "success", failed: "danger" };

export function WorkbookStatusBadge({ status }: { status: WorkbookStatus }) {
  return <StatusBadge tone={TONES[status]}>{status}</StatusBadge>;
}
