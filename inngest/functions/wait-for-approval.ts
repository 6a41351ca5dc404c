import type { GetStepTools, Inngest } from "inngest";
import { agentToolDecided } from "@/inngest/events";

const APPROVAL_TIMEOUT = "1h";
/**
 * A constant: no value is ever pasted into it. It narrows the wait to decisions for the run's own organisation
 * and conversation; which run and which call a decision is for is compared in code.
 */
const SAME_CONVERSATION = "async.data.organisationId == event.data.organisationId && async.data.conversationId == event.data.conversationId";
/** Decisions for other calls (a stale or repeated click) the wait skips before it gives up as denied. */
const MAX_STRAY_DECISIONS = 10;

/** Waits for the user's decision on one destructive call; no answer within the hour counts as denied. */
export async function waitForApproval(step: GetStepTools<Inngest.Any>, runId: string, callId: string): Promise<boolean> {
  for (let stray = 0; stray <= MAX_STRAY_DECISIONS; stray += 1) {
    const decision = await step.waitForEvent(stray === 0 ? `approval-${callId}` : `approval-${callId}-${stray}`, {
      event: agentToolDecided,
      timeout: APPROVAL_TIMEOUT,
      if: SAME_CONVERSATION,
    });
    if (!decision) return false;
    if (decision.data.runId === runId && decision.data.toolCallId === callId) return decision.data.approved;
  }
  return false;
}
