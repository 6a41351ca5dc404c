/**
 * POST /api/inngest/e/:eventKey: event intake of the embedded executor, in the shape of Inngest's event API,
 * for processes that send events over HTTP. The app's own client reaches the same intake in-process.
 */
import { getDb } from "@/db/client";
import { env } from "@/env";
import { inngestConnection, inngestSigningKey } from "@/inngest/client";
import { handleIntakeRequest } from "@/inngest/executor/intake";

export async function POST(request: Request): Promise<Response> {
  if (inngestConnection.kind !== "embedded") {
    return Response.json({ error: "Events go to the configured Inngest server, not to this app.", status: 404 }, { status: 404 });
  }
  if (inngestSigningKey && !env.INNGEST_EVENT_KEY) {
    return Response.json({ error: "Set INNGEST_EVENT_KEY to accept events over HTTP in production mode.", status: 503 }, { status: 503 });
  }
  return handleIntakeRequest(request, { db: await getDb(), eventKey: env.INNGEST_EVENT_KEY, signingKey: inngestSigningKey });
}
