import { toSalesforceAuthError, toSalesforceError, SalesforceError } from "@/server/connectors/salesforce/salesforce-error";
import { queryResponseSchema, recordSchema, saveResultSchema, tokenResponseSchema, type SalesforceRecord } from "@/server/connectors/salesforce/salesforce-schemas";
import { OutboundRequestRefusedError } from "@/server/security/outbound-request-refused-error";
import type { OutboundGuard } from "@/server/security/outbound-url-guard";

export const SALESFORCE_API_VERSION = "v60.0";

export type SalesforceCredentials =
  | { kind: "token"; instanceUrl: string; accessToken: string }
  | { kind: "password"; loginUrl: string; clientId: string; clientSecret: string; username: string; password: string };

/**
 * A small client of the Salesforce REST API: OAuth 2.0 (username-password flow or a given token), SOQL
 * queries with paging, and record CRUD. An expired session is renewed once per request. Every request goes
 * through the outbound guard (login and instance URLs are tenant input), and only to the instance's own origin.
 */
export class SalesforceClient {
  private session: { instanceUrl: string; accessToken: string } | undefined;

  constructor(
    private readonly credentials: SalesforceCredentials,
    private readonly outbound: OutboundGuard,
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
    const response = await this.outbound.fetch(apiUrl(path, session.instanceUrl), {
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
    if (this.credentials.kind !== "password") throw new SalesforceError(401, "INVALID_SESSION_ID");
    const { loginUrl, clientId, clientSecret, username, password } = this.credentials;
    const response = await this.outbound.fetch(new URL("/services/oauth2/token", loginUrl), {
      method: "POST",
      signal,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "password", client_id: clientId, client_secret: clientSecret, username, password }),
    });
    const text = await response.text();
    const json: unknown = safeJson(text);
    if (!response.ok) throw toSalesforceAuthError(response.status, json, text);
    const token = tokenResponseSchema.parse(json);
    // Checked here too, so a token answer naming a private instance fails with a message that says so.
    await this.outbound.checkUrl(token.instance_url, { base: true }).catch((error: unknown) => {
      if (!(error instanceof OutboundRequestRefusedError)) throw error;
      throw new OutboundRequestRefusedError(error.reason, `Salesforce answered with an instance URL the server will not call: ${error.message}`);
    });
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

/**
 * A REST path (ours, or a `nextRecordsUrl` Salesforce sent) on the instance. An absolute or protocol-relative
 * URL in an answer would otherwise carry the access token to another host.
 */
function apiUrl(path: string, instanceUrl: string): URL {
  const base = new URL(instanceUrl);
  const url = new URL(path, base);
  if (!path.startsWith("/") || path.startsWith("//") || url.origin !== base.origin) {
    throw new SalesforceError(502, "UNEXPECTED_URL");
  }
  return url;
}
