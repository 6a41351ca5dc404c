import { errorListSchema } from "@/server/connectors/salesforce/salesforce-schemas";
import { describeUpstreamStatus, logUpstreamDetail } from "@/server/security/summarise-upstream-failure";

// Salesforce error codes (REQUIRED_FIELD_MISSING), OAuth errors (invalid_grant) and field API names.
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_.]{0,79}$/;

/**
 * A Salesforce failure as callers see it: the status, what it means, Salesforce's error code and the fields it
 * names. Salesforce's free-text message and any other body stay out (logged at debug level only): the login
 * and instance URLs are tenant input, so the body could come from somewhere that is not Salesforce.
 */
export class SalesforceError extends Error {
  override readonly name = "SalesforceError";

  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly fields: readonly string[] = [],
  ) {
    super(`Salesforce ${errorCode} (${status}, ${describeUpstreamStatus(status)})${fields.length ? ` on ${fields.join(", ")}` : ""}`);
  }
}

const identifierOr = (value: unknown, fallback: string) => (typeof value === "string" && IDENTIFIER.test(value) ? value : fallback);

/** A failed REST call: the first entry of Salesforce's `[{errorCode, message, fields}]` list, summarised. */
export function toSalesforceError(status: number, json: unknown, text: string): SalesforceError {
  logUpstreamDetail("salesforce", status, text);
  const parsed = errorListSchema.safeParse(json);
  const first = parsed.success ? parsed.data[0] : undefined;
  const fields = (first?.fields ?? []).filter((field) => IDENTIFIER.test(field)).slice(0, 10);
  return new SalesforceError(status, identifierOr(first?.errorCode, `HTTP_${status}`), fields);
}

/** A failed OAuth token request: its `error` code (e.g. invalid_grant), summarised. */
export function toSalesforceAuthError(status: number, json: unknown, text: string): SalesforceError {
  logUpstreamDetail("salesforce oauth", status, text);
  return new SalesforceError(status, identifierOr((json as { error?: unknown } | undefined)?.error, "AUTH_FAILED"));
}
