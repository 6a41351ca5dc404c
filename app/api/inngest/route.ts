import { serve } from "inngest/next";
import { inngest, inngestConnection } from "@/inngest/client";
import { serveOptionsFor } from "@/inngest/connection";
import { functions } from "@/inngest/functions";

/**
 * The Inngest serve endpoint: syncs (PUT), call requests (POST) and introspection (GET). The URL it registers is
 * the configured one (never the request's Host), and outside dev mode a sync must be signed with the signing key.
 */
export const { GET, POST, PUT } = serve({ client: inngest, functions, ...serveOptionsFor(inngestConnection) });
