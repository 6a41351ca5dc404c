import { and, eq, notInArray } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { durableFunctions } from "@/db/schema";
import { acceptEvents } from "@/inngest/executor/accept-events";
import { parseFunctionConfig, registerBodySchema, type RegisteredFunction } from "@/inngest/executor/function-config";
import { forgetCachedFunctions, saveFunctions } from "@/inngest/executor/function-registry";
import { signalWork } from "@/inngest/executor/signals";
import { bearerMatchesSigningKey } from "@/inngest/executor/signing";

/**
 * The executor's side of the SDK's outgoing calls: `POST …/e/:eventKey` (inngest.send) and `POST /fn/register`
 * (sync). Answers in the shapes the SDK parses: `{ ids, status }` and `{ status, modified }` or `{ status, error }`.
 */
export interface IntakeOptions {
  db: Database;
  /** When set (production mode), events must be sent with this key. */
  eventKey?: string;
  /** When set (production mode), syncs must carry the matching bearer token. */
  signingKey?: string;
  /**
   * The app's serve endpoint. Syncs are accepted only when it is given (the in-process intake; the HTTP event
   * route leaves it out) and only when the app and every function are served at this URL.
   */
  serveUrl?: string;
}

const eventSchema = z.object({
  id: z.string().optional(),
  name: z.string().min(1),
  data: z.record(z.string(), z.unknown()).optional(),
  user: z.record(z.string(), z.unknown()).optional(),
  ts: z.number().optional(),
  v: z.string().optional(),
});

const json = (body: unknown, status = 200) => Response.json(body, { status });

export async function handleIntakeRequest(request: Request, options: IntakeOptions): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (request.method !== "POST") return json({ error: "Method not allowed" }, 405);
  if (path.endsWith("/fn/register")) return register(request, options);
  const eventKey = /\/e\/([^/]+)\/?$/.exec(path)?.[1];
  if (eventKey !== undefined) return receiveEvents(request, decodeURIComponent(eventKey), options);
  return json({ error: `No executor endpoint at ${path}` }, 404);
}

async function receiveEvents(request: Request, key: string, options: IntakeOptions): Promise<Response> {
  if (options.eventKey && key !== options.eventKey) return json({ error: "Unknown event key", status: 401 }, 401);
  const body: unknown = await request.json().catch(() => undefined);
  const parsed = z.array(eventSchema).safeParse(Array.isArray(body) ? body : [body]);
  if (!parsed.success) {
    return json({ error: `Invalid events: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`, status: 400 }, 400);
  }
  const { ids, runIds } = await acceptEvents(options.db, parsed.data);
  if (runIds.length > 0) signalWork();
  return json({ ids, status: 200 });
}

async function register(request: Request, options: IntakeOptions): Promise<Response> {
  if (!options.serveUrl) return json({ error: "This executor accepts syncs only from its own process.", status: 404 }, 404);
  if (options.signingKey && !bearerMatchesSigningKey(request.headers.get("authorization"), options.signingKey)) {
    return json({ error: "The sync was not signed with this executor's signing key.", status: 401 }, 401);
  }
  const parsed = registerBodySchema.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) return json({ error: "Invalid sync payload", status: 400 }, 400);
  let functions: RegisteredFunction[];
  try {
    functions = parsed.data.functions.map(parseFunctionConfig);
  } catch (error) {
    return json({ error: (error as Error).message, status: 400 }, 400);
  }
  const foreign = [parsed.data.url, ...functions.map((fn) => fn.url)].find((url) => !isServedAt(url, options.serveUrl as string));
  if (foreign !== undefined) {
    return json({ error: `The sync reports ${foreign}, but this executor calls only ${options.serveUrl}.`, status: 403 }, 403);
  }
  const appId = parsed.data.appName;
  await options.db.transaction(async (tx) => {
    await tx
      .delete(durableFunctions)
      .where(and(eq(durableFunctions.appId, appId), notInArray(durableFunctions.id, functions.map((fn) => fn.id).concat(""))));
    await saveFunctions(tx, appId, functions);
  });
  forgetCachedFunctions(options.db);
  return json({ ok: true, status: 200, modified: true });
}

/** Same origin and path (the query names the function and step). */
function isServedAt(url: string, serveUrl: string): boolean {
  const actual = new URL(url);
  const expected = new URL(serveUrl);
  return actual.origin === expected.origin && actual.pathname === expected.pathname;
}
