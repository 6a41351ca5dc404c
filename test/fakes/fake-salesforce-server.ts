import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local server speaking the Salesforce REST API as far as the connector uses it: the OAuth 2.0 password flow,
 * SOQL `SELECT f1, f2 FROM Object [WHERE Field = 'value'] [LIMIT n]` with paging through nextRecordsUrl, and
 * sobject create/read/update/delete, with Salesforce's error bodies (`[{message, errorCode}]`).
 */
export interface FakeSalesforce {
  url: string;
  records: Map<string, Record<string, unknown> & { Id: string; type: string }>;
  requests: { method: string; path: string }[];
  /** Makes the current access token invalid, as when a session expires. */
  expireSession(): void;
  close(): Promise<void>;
}

const VERSION = "v60.0";
const PAGE_SIZE = 2;

export interface FakeSalesforceOptions {
  username: string;
  password: string;
  /** What the token answer names as `instance_url` (default: this server), to play a hostile login server. */
  instanceUrl?: string;
  /** Put before each `nextRecordsUrl` (Salesforce sends a path; an origin here plays a hostile answer). */
  nextRecordsPrefix?: string;
}

export async function startFakeSalesforce(options: FakeSalesforceOptions): Promise<FakeSalesforce> {
  const records: FakeSalesforce["records"] = new Map();
  const requests: FakeSalesforce["requests"] = [];
  const cursors = new Map<string, Record<string, unknown>[]>();
  let token = "token-1";
  let tokens = 1;
  let idCounter = 0;
  let url = "";

  const send = (response: http.ServerResponse, status: number, body?: unknown) => {
    response.writeHead(status, body === undefined ? {} : { "content-type": "application/json" });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const fail = (response: http.ServerResponse, status: number, errorCode: string, message: string, fields?: string[]) =>
    send(response, status, [{ message, errorCode, ...(fields ? { fields } : {}) }]);
  const view = (record: Record<string, unknown> & { Id: string; type: string }, fields?: string[]) => {
    const { type, ...rest } = record;
    const picked = fields ? Object.fromEntries(fields.map((field) => [field, rest[field] ?? null])) : rest;
    return { attributes: { type, url: `/services/data/${VERSION}/sobjects/${type}/${record.Id}` }, ...picked };
  };
  const page = (response: http.ServerResponse, rows: Record<string, unknown>[], total: number) => {
    const first = rows.slice(0, PAGE_SIZE);
    const rest = rows.slice(PAGE_SIZE);
    let nextRecordsUrl: string | undefined;
    if (rest.length > 0) {
      const cursor = `01g${cursors.size}`;
      cursors.set(cursor, rest);
      nextRecordsUrl = `${options.nextRecordsPrefix ?? ""}/services/data/${VERSION}/query/${cursor}`;
    }
    send(response, 200, { totalSize: total, done: !nextRecordsUrl, ...(nextRecordsUrl ? { nextRecordsUrl } : {}), records: first });
  };

  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const target = new URL(request.url ?? "/", "http://localhost");
      requests.push({ method: request.method ?? "GET", path: target.pathname });
      if (target.pathname === "/services/oauth2/token") {
        const form = new URLSearchParams(body);
        if (form.get("grant_type") !== "password" || form.get("username") !== options.username || form.get("password") !== options.password) {
          return send(response, 400, { error: "invalid_grant", error_description: "authentication failure" });
        }
        return send(response, 200, { access_token: token, instance_url: options.instanceUrl ?? url, token_type: "Bearer" });
      }
      if (request.headers.authorization !== `Bearer ${token}`) return fail(response, 401, "INVALID_SESSION_ID", "Session expired or invalid");

      const queryMore = target.pathname.match(new RegExp(`^/services/data/${VERSION}/query/(\\w+)$`));
      if (queryMore?.[1]) {
        const rows = cursors.get(queryMore[1]) ?? [];
        return page(response, rows, rows.length);
      }
      if (target.pathname === `/services/data/${VERSION}/query`) {
        const soql = target.searchParams.get("q") ?? "";
        const match = soql.match(/^select\s+(.+?)\s+from\s+(\w+)(?:\s+where\s+(\w+)\s*=\s*'([^']*)')?(?:\s+limit\s+(\d+))?\s*$/i);
        if (!match) return fail(response, 400, "MALFORMED_QUERY", `unexpected token in: ${soql}`);
        const [, fieldList = "", type, whereField, whereValue, limit] = match;
        const fields = fieldList.split(",").map((field) => field.trim());
        let rows = [...records.values()].filter((record) => record.type.toLowerCase() === type?.toLowerCase());
        if (whereField) rows = rows.filter((record) => String(record[whereField] ?? "") === whereValue);
        if (limit) rows = rows.slice(0, Number(limit));
        return page(response, rows.map((record) => view(record, fields)), rows.length);
      }
      const sobject = target.pathname.match(new RegExp(`^/services/data/${VERSION}/sobjects/(\\w+)(?:/(\\w+))?$`));
      if (!sobject) return fail(response, 404, "NOT_FOUND", "The requested resource does not exist");
      const [, type = "", id] = sobject;
      if (!id && request.method === "POST") {
        const fields = JSON.parse(body || "{}") as Record<string, unknown>;
        if (type === "Lead" && !fields.LastName) return fail(response, 400, "REQUIRED_FIELD_MISSING", "Required fields are missing: [LastName]", ["LastName"]);
        idCounter += 1;
        const newId = `00Q${String(idCounter).padStart(15, "0")}`;
        records.set(newId, { ...fields, Id: newId, type });
        return send(response, 201, { id: newId, success: true, errors: [] });
      }
      const record = id ? records.get(id) : undefined;
      if (!record || record.type !== type) return fail(response, 404, "NOT_FOUND", "The requested resource does not exist");
      if (request.method === "GET") return send(response, 200, view(record, target.searchParams.get("fields")?.split(",")));
      if (request.method === "PATCH") {
        Object.assign(record, JSON.parse(body || "{}"));
        return send(response, 204);
      }
      if (request.method === "DELETE") {
        records.delete(record.Id);
        return send(response, 204);
      }
      return fail(response, 405, "METHOD_NOT_ALLOWED", `${request.method} not allowed`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    records,
    requests,
    expireSession: () => {
      tokens += 1;
      token = `token-${tokens}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
