import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";

/** The Inngest serve endpoint: syncs (PUT), call requests (POST) and introspection (GET). */
export const { GET, POST, PUT } = serve({ client: inngest, functions });
