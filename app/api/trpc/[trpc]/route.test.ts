import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as TrpcRoute from "@/app/api/trpc/[trpc]/route";
import type { Caller } from "@/server/auth/caller";
import { openRouteEnvironment, type RouteEnvironment } from "@/test/open-route-environment";

/**
 * The tRPC endpoint as an attacker meets it: the real route handler, router and services, on real PostgreSQL
 * when TEST_DATABASE_URL is set (embedded PGlite otherwise) and real Redis counters when REDIS_URL is set. Only
 * the session cookie's decoding is replaced: `signedInAs` names the caller the cookie would resolve to.
 */
let signedInAs: Caller | null = null;
vi.mock("@/server/auth/resolve-session-caller", () => ({ resolveSessionCaller: async () => signedInAs }));

const APP = "http://localhost:3000";
const SESSION_LIMIT = 30;
const RUN_START_LIMIT = 12;
type TrpcAnswer = { result?: { data: { json: unknown } }; error?: { json: { message: string; data: { code: string; httpStatus: number } } } };
let environment: RouteEnvironment;
let route: typeof TrpcRoute;
let newAccount: () => Promise<Caller>;
let seedRun: (caller: Caller) => Promise<string>;
let countRuns: (caller: Caller) => Promise<number>;
let accounts = 0;

function call(paths: string[], inputs: unknown[], headers: Record<string, string> = {}, body?: BodyInit): Promise<Response> {
  const url = `${APP}/api/trpc/${paths.join(",")}?batch=1`;
  const json = body ?? JSON.stringify(Object.fromEntries(inputs.map((input, index) => [index, { json: input }])));
  return route.POST(new Request(url, { method: "POST", headers: { "content-type": "application/json", origin: APP, cookie: "authjs.session-token=s", ...headers }, body: json, duplex: "half" } as RequestInit));
}
const query = (procedure: string, headers: Record<string, string> = {}) => route.GET(new Request(`${APP}/api/trpc/${procedure}`, { headers }));
const rerun = (runId: string, times: number, headers?: Record<string, string>) => call(Array(times).fill("runs.rerun"), Array(times).fill({ id: runId }), headers);

beforeAll(async () => {
  environment = await openRouteEnvironment({
    RATE_LIMIT_SESSION_PER_MINUTE: String(SESSION_LIMIT),
    RATE_LIMIT_USER_PER_MINUTE: String(RUN_START_LIMIT),
    RATE_LIMIT_ORGANISATION_PER_MINUTE: "1000",
  });
  route = await import("@/app/api/trpc/[trpc]/route");
  const { getDb } = await import("@/db/client");
  const { createAccount } = await import("@/server/accounts/create-account");
  const { acceptEvents } = await import("@/inngest/executor/accept-events");
  const { parseFunctionConfig } = await import("@/inngest/executor/function-config");
  const { saveFunctions } = await import("@/inngest/executor/function-registry");
  const { listRuns } = await import("@/server/runs/list-runs");
  const db = await getDb();
  const fn = parseFunctionConfig({
    id: "app-report",
    name: "Build report",
    triggers: [{ event: "report/build.requested" }],
    steps: { step: { id: "step", name: "step", runtime: { type: "http", url: "http://app.test/api/inngest?fnId=app-report&stepId=step" } } },
  });
  await saveFunctions(db, "app", [fn]);
  newAccount = async () => {
    accounts += 1;
    return { ...(await createAccount(db, { email: `trpc-${accounts}@example.com`, password: "a long trpc password" })), via: "session" };
  };
  seedRun = async (caller) => (await acceptEvents(db, [{ name: "report/build.requested", data: { organisationId: caller.organisationId } }])).runIds[0]!;
  countRuns = async (caller) => (await listRuns(db, caller, { limit: 100 })).runs.length;
});

afterAll(() => environment.close());

describe("POST /api/trpc batching", () => {
  it("refuses a batch of 50 run starts whole, starting none", async () => {
    signedInAs = await newAccount();
    const runId = await seedRun(signedInAs);
    const response = await rerun(runId, 50);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/Batch call exceeds maximum size/);
    expect(await countRuns(signedInAs)).toBe(1);
  });

  it("counts every run start of a batch against the caller's per-user limit", async () => {
    signedInAs = await newAccount();
    const runId = await seedRun(signedInAs);
    const answers: TrpcAnswer[] = [];
    for (let batch = 0; batch < 2; batch += 1) {
      const response = await rerun(runId, 10);
      answers.push(...((await response.json()) as TrpcAnswer[]));
      if (batch === 1) expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(answers.filter((answer) => answer.result)).toHaveLength(RUN_START_LIMIT);
    const refused = answers.filter((answer) => answer.error);
    expect(refused).toHaveLength(20 - RUN_START_LIMIT);
    expect(refused[0]!.error!.json.data).toMatchObject({ code: "TOO_MANY_REQUESTS", httpStatus: 429 });
    expect(await countRuns(signedInAs)).toBe(1 + RUN_START_LIMIT);
  });
});

describe("/api/trpc rate limits", () => {
  it("limit every call per signed-in user, without touching another user's budget", async () => {
    const busy = await newAccount();
    const calm = await newAccount();
    signedInAs = busy;
    const answers: TrpcAnswer[] = [];
    for (let batch = 0; batch < 4; batch += 1) answers.push(...((await (await query(`${Array(10).fill("account.me").join(",")}?batch=1`)).json()) as TrpcAnswer[]));
    expect(answers.filter((answer) => answer.result)).toHaveLength(SESSION_LIMIT);
    expect(answers.filter((answer) => answer.error?.json.data.code === "TOO_MANY_REQUESTS")).toHaveLength(40 - SESSION_LIMIT);
    signedInAs = calm;
    expect((await query("account.me")).status).toBe(200);
  });

  it("limit signed-out callers too", async () => {
    signedInAs = null;
    const statuses: number[] = [];
    for (let index = 0; index <= SESSION_LIMIT; index += 1) statuses.push((await query("account.me", { "x-forwarded-for": "203.0.113.9" })).status);
    expect(statuses.slice(0, SESSION_LIMIT).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("/api/trpc body limit", () => {
  it("refuses a body over the limit in bytes, although under it in characters", async () => {
    signedInAs = await newAccount();
    const content = "€".repeat(400_000);
    const body = JSON.stringify({ 0: { json: { content } } });
    expect(body.length).toBeLessThan(1_000_000);
    const response = await call(["chat.send"], [], {}, body);
    expect(response.status).toBe(413);
    const [answer] = (await response.json()) as TrpcAnswer[];
    expect(answer!.error!.json.message).toMatch(/limited to 1000000 bytes/);
  });

  it("stops reading a streamed body without Content-Length once it passes the limit", async () => {
    signedInAs = await newAccount();
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 50 MB in all: a reader that does not stop at the limit takes every chunk.
        pulled += 1;
        if (pulled > 800) controller.close();
        else controller.enqueue(new TextEncoder().encode(pulled === 1 ? `{"0":{"json":{"content":"` : "x".repeat(64 * 1024)));
      },
    });
    const response = await call(["chat.send"], [], {}, body);
    expect(response.status).toBe(413);
    expect(pulled * 64 * 1024).toBeLessThan(2_000_000);
  });
});

describe("/api/trpc cross-site requests", () => {
  it("refuse a state change carrying the session cookie from another origin, or from none", async () => {
    signedInAs = await newAccount();
    const runId = await seedRun(signedInAs);
    const attempts: Array<Record<string, string>> = [{ origin: "https://evil.example" }, { origin: "null" }, { origin: "http://localhost:3000.evil.example" }, { origin: "", referer: "" }];
    for (const headers of attempts) {
      const response = await rerun(runId, 1, headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      const [answer] = (await response.json()) as TrpcAnswer[];
      expect(answer!.error!.json.message).toMatch(/did not come from a page of this app/);
    }
    expect(await countRuns(signedInAs)).toBe(1);
  });

  it("accept the app's own origin, a same-origin Referer, and reads from anywhere", async () => {
    signedInAs = await newAccount();
    const runId = await seedRun(signedInAs);
    expect((await rerun(runId, 1, { origin: "http://127.0.0.1:3000" })).status).toBe(200);
    const withReferer = await call(["runs.rerun"], [{ id: runId }], { referer: `${APP}/runs/${runId}` });
    expect(withReferer.status).toBe(200);
    expect((await query("account.me", { origin: "https://evil.example", cookie: "authjs.session-token=s" })).status).toBe(200);
    expect(await countRuns(signedInAs)).toBe(3);
  });
});
