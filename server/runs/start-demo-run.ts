import "server-only";
import type { Caller } from "@/server/auth/caller";
import { inngest } from "@/inngest/client";
import { demoHelloRequested } from "@/inngest/events";

/** Sends the demo event; the run it starts shows up in the Runs view within a moment. */
export async function startDemoRun(caller: Caller, name: string): Promise<{ eventId: string }> {
  const { ids } = await inngest.send(demoHelloRequested.create({ organisationId: caller.organisationId, name }));
  return { eventId: ids[0] ?? "" };
}
