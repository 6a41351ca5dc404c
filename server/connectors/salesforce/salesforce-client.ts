import {
  errorListSchema,
  queryResponseSchema,
  recordSchema,
  saveResultSchema,
  tokenResponseSchema,
  type SalesforceRecord,
} from "@/server/connectors/salesforce/salesforce-schemas";

export const SALESFORCE_API_VERSION = "v60.0";

export type SalesforceCredentials =
  | { kind: "token"; instanceUrl: string; accessToken: string }
  | { kind: "password"; loginUrl: string; clientId: string; clientSecret: string; username: string; password: string };

export class SalesforceError extends Error {
  override readonly name = "SalesforceError";

  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(`Salesforce ${errorCode}: ${message}`);
  }
}

/**
 * A small client of the Salesforce REST API: OAuth 2.0 (username-password flow or a given token), SOQL
 * queries with paging, and record CRUD. An expired session is renewed once per request.
 */
export class SalesforceClient {
  private session: { instanceUrl: string; accessToken: string } | undefined;

  constructor(
    private readonly credentials: SalesforceCredentials,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    if (credentials.kind === "token") this.session = { instanceUrl: credentials.instanceUrl, accessToken: credentials.accessToken };
  }

  async query(soql: string, options: { maxRecords?: number; signal?: AbortSignal } = {}): Promise<{ totalSize: number; records: SalesforceRecord[]; truncated: boolean }> {
    const maxRecords = options.maxRecords ?? 2_000;
    const records: SalesforceRecord[] = [];
    let page = queryResponseSchema.parse(await this.request("GET", `/services/data/${SALESFORCE_API_VERSION}/query?q=${encodeURIComponent(soql)}`, undefined, options.signal));
    records.push(...page.records);
    while (!page.done && page.nextRecordsUrl && records.length < maxRecords) {
      page = queryResponseSchema.parse(await this.request("GET", page.nextRecordsUrl, undefined, options.signal));
      records.push(...page.records);
    }
    return { totalSize: page.totalSize, records: records.slice(0, maxRecords), truncated: records.length < page.totalSize };
  }

  async getRecord(objectName: string, id: string, fields?: string[], signal?: AbortSignal): Promise<SalesforceRecord> {
    const query = fields?.length ? `?fields=${fields.map(encodeURIComponent).join(",")}` : "";
    return recordSchema.parse(await this.request("GET", `${this.sobjectPath(objectName)}/${encodeURIComponent(id)}${query}`, undefined, signal));
  }

  async createRecord(objectName: string, fields: Record<string, unknown>, signal?: AbortSignal): Promise<string> {
    return saveResultSchema.parse(await this.request("POST", this.sobjectPath(objectName), fields, signal)).id;
  }

  async updateRecord(objectName: string, id: string, fields: Record<string, unknown>, signal?: AbortSignal): Promise<void> {
    await this.request("PATCH", `${this.sobjectPath(objectName)}/${encodeURIComponent(id)}`, fields, signal);
  }

  async deleteRecord(objectName: string, id: string, signal?: AbortSignal): Promise<void> {
    await this.request("DELETE", `${this.sobjectPath(objectName)}/${encodeURIComponent(id)}`, undefined, signal);
  }

  private sobjectPath(objectName: string): string {
    return `/services/data/${SALESFORCE_API_VERSION}/sobjects/${encodeURIComponent(objectName)}`;
  }

  private async request(method: string, path: string, body: unknown, signal: AbortSignal | undefined, retried = false): Promise<unknown> {
    const session = this.session ?? (await this.authenticate(signal));
    const response = await this.fetchImpl(new URL(path, session.instanceUrl), {
      method,
      signal,
      headers: {
        authorization: `Bearer ${session.accessToken}`,
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401 && !retried && this.credentials.kind === "password") {
      this.session = undefined;
      return this.request(method, path, body, signal, true);
    }
    if (response.status === 204) return undefined;
    const text = await response.text();
    const json: unknown = text ? safeJson(text) : undefined;
    if (!response.ok) throw toSalesforceError(response.status, json, text);
    return json;
  }

  private async authenticate(signal?: AbortSignal): Promise<{ instanceUrl: string; accessToken: string }> {
    if (this.credentials.kind !== "password") throw new SalesforceError(401, "INVALID_SESSION_ID", "The access token is no longer valid.");
    const { loginUrl, clientId, clientSecret, username, password } = this.credentials;
    const response = await this.fetchImpl(new URL("/services/oauth2/token", loginUrl), {
      method: "POST",
      signal,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "password", client_id: clientId, client_secret: clientSecret, username, password }),
    });
    const json: unknown = safeJson(await response.text());
    if (!response.ok) {
      const description = (json as { error_description?: string } | undefined)?.error_description ?? "authentication failed";
      throw new SalesforceError(response.status, (json as { error?: string } | undefined)?.error ?? "AUTH_FAILED", description);
    }
    const token = tokenResponseSchema.parse(json);
    this.session = { instanceUrl: token.instance_url, accessToken: token.access_token };
    return this.session;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toSalesforceError(status: number, json: unknown, text: string): SalesforceError {
  const parsed = errorListSchema.safeParse(json);
  const first = parsed.success ? parsed.data[0] : undefined;
  return new SalesforceError(status, first?.errorCode ?? `HTTP_${status}`, first?.message ?? (text.slice(0, 200) || "no details"));
}
