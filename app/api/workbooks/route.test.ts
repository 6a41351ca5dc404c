import { utils, write } from "@e965/xlsx";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as PreviewRoute from "@/app/api/workbooks/[id]/preview/route";
import type * as UploadRoute from "@/app/api/workbooks/route";
import type { Caller } from "@/server/auth/caller";
import { openRouteEnvironment, type RouteEnvironment } from "@/test/open-route-environment";

/**
 * The Workbooks page's upload route as an attacker meets it: the real route, storage and services, on real
 * PostgreSQL and Redis when configured. Only the session cookie's decoding is replaced (`signedInAs`).
 */
let signedInAs: Caller | null = null;
vi.mock("@/server/auth/resolve-session-caller", () => ({ resolveSessionCaller: async () => signedInAs }));

const APP = "http://localhost:3000";
const UPLOADS_PER_MINUTE = 2;
const SESSION_LIMIT = 6;
let environment: RouteEnvironment;
let upload: typeof UploadRoute.POST;
let preview: typeof PreviewRoute.GET;
let newAccount: () => Promise<Caller>;
let countWorkbooks: (caller: Caller) => Promise<number>;
let accounts = 0;

function loanWorkbook(): Uint8Array {
  const book = utils.book_new();
  utils.book_append_sheet(book, utils.aoa_to_sheet([["Rate", 0.05], ["Years", 30]]), "Loan");
  return new Uint8Array(write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

function send(headers: Record<string, string>, bytes: Uint8Array = loanWorkbook()): Promise<Response> {
  const form = new FormData();
  form.append("file", new File([bytes as BlobPart], "Loan.xlsx"));
  const request = new Request(`${APP}/api/workbooks`, { method: "POST", body: form, headers: { cookie: "authjs.session-token=s", ...headers } });
  return upload(request, { params: Promise.resolve({}) });
}

beforeAll(async () => {
  environment = await openRouteEnvironment({
    RATE_LIMIT_USER_PER_MINUTE: String(UPLOADS_PER_MINUTE),
    RATE_LIMIT_SESSION_PER_MINUTE: String(SESSION_LIMIT),
    MAX_UPLOAD_MB: "1",
  });
  upload = (await import("@/app/api/workbooks/route")).POST;
  preview = (await import("@/app/api/workbooks/[id]/preview/route")).GET;
  const { getDb } = await import("@/db/client");
  const { createAccount } = await import("@/server/accounts/create-account");
  const { listWorkbooks } = await import("@/server/workbooks/workbook-repository");
  const db = await getDb();
  newAccount = async () => {
    accounts += 1;
    return { ...(await createAccount(db, { email: `upload-${accounts}@example.com`, password: "a long upload password" })), via: "session" };
  };
  countWorkbooks = async (caller) => (await listWorkbooks(db, caller.organisationId)).length;
});

afterAll(() => environment.close());

describe("POST /api/workbooks", () => {
  it("refuses a cross-site upload carrying the session cookie and stores nothing", async () => {
    signedInAs = await newAccount();
    const attempts: Array<Record<string, string>> = [{ origin: "https://evil.example" }, { referer: "https://evil.example/page" }, {}];
    for (const headers of attempts) {
      const response = await send(headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect((await response.json()).error.code).toBe("forbidden");
    }
    expect(await countWorkbooks(signedInAs)).toBe(0);
  });

  it("counts each upload (a transformation run) against the caller's per-user limit", async () => {
    signedInAs = await newAccount();
    const statuses: number[] = [];
    for (let index = 0; index <= UPLOADS_PER_MINUTE; index += 1) {
      const response = await send({ origin: APP });
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([...Array(UPLOADS_PER_MINUTE).fill(202), 429]);
    expect(await countWorkbooks(signedInAs)).toBe(UPLOADS_PER_MINUTE);
  });

  it("refuses a file over MAX_UPLOAD_MB with a clear 413", async () => {
    signedInAs = await newAccount();
    const response = await send({ origin: APP }, new Uint8Array(2 * 1024 * 1024));
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toMatch(/limited to 1 MB/);
    expect(await countWorkbooks(signedInAs)).toBe(0);
  });
});

describe("session routes", () => {
  it("are rate-limited per user", async () => {
    signedInAs = await newAccount();
    const statuses: number[] = [];
    for (let index = 0; index <= SESSION_LIMIT; index += 1) {
      statuses.push((await preview(new Request(`${APP}/api/workbooks/missing/preview`), { params: Promise.resolve({ id: "missing" }) })).status);
    }
    expect(statuses).toEqual([...Array(SESSION_LIMIT).fill(404), 429]);
  });
});
