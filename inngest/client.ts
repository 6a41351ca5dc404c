import { Inngest } from "inngest";
import { getDb } from "@/db/client";
import { env } from "@/env";
import { resolveInngestConnection } from "@/inngest/connection";
import { resolveSigningKey } from "@/inngest/signing-key";
import { createEmbeddedFetch } from "@/inngest/executor/embedded-fetch";
import { handleIntakeRequest } from "@/inngest/executor/intake";

/** The one Inngest client. Application code uses it the same way whichever executor runs the functions. */
export const inngestConnection = resolveInngestConnection(env);
export const inngestSigningKey = resolveSigningKey(inngestConnection);

export const inngest = new Inngest({
  id: "candlefish",
  isDev: inngestConnection.isDev,
  baseUrl: inngestConnection.baseUrl,
  signingKey: inngestSigningKey,
  eventKey: env.INNGEST_EVENT_KEY ?? (inngestConnection.kind === "embedded" ? "embedded" : undefined),
  fetch:
    inngestConnection.kind === "embedded"
      ? createEmbeddedFetch(inngestConnection.baseUrl, async (request) =>
          handleIntakeRequest(request, {
            db: await getDb(),
            eventKey: env.INNGEST_EVENT_KEY,
            signingKey: inngestSigningKey,
            serveUrl: inngestConnection.serveUrl,
          }),
        )
      : undefined,
});
