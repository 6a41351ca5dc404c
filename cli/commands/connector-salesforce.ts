import { parseArgs } from "node:util";
import { z } from "zod";
import { CliError, requireOption } from "@/cli/args";
import type { Database } from "@/db/database";
import { findPrimaryMembership } from "@/server/accounts/organisation-repository";
import { findUserByEmail } from "@/server/accounts/user-repository";
import type { Caller } from "@/server/auth/caller";
import { removeSalesforceCredentials, saveSalesforceCredentials } from "@/server/connectors/salesforce/salesforce-connection";
import { isAppError } from "@/server/errors/app-error";
import type { OutboundGuard } from "@/server/security/outbound-url-guard";

export const CONNECTOR_SALESFORCE_USAGE =
  "connector salesforce --email <admin e-mail> (--login-url <url> --client-id <id> --username <u> | --instance-url <url>) [--remove]";

// Secrets come on stdin as JSON, so they stay out of shell history and the process list.
const secretsSchema = z.union([z.object({ clientSecret: z.string().min(1), password: z.string().min(1) }).strict(), z.object({ accessToken: z.string().min(1) }).strict()]);

async function callerFor(db: Database, email: string): Promise<Caller> {
  const user = await findUserByEmail(db, email);
  if (!user) throw new CliError(`no user with e-mail ${email}`);
  const membership = await findPrimaryMembership(db, user.id);
  if (!membership) throw new CliError(`${email} belongs to no organisation`);
  return { userId: user.id, organisationId: membership.organisationId, role: membership.role, via: "session" };
}

/**
 * `connector salesforce ...`: checks and stores (or with --remove, deletes) the organisation's Salesforce
 * credentials. Reads `{"clientSecret": "...", "password": "<password+security token>"}` (password flow) or
 * `{"accessToken": "..."}` (with --instance-url) from stdin.
 */
export async function connectorSalesforce(deps: { db: Database; secretKey: () => Buffer; readStdin: () => Promise<string>; outbound?: OutboundGuard }, argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: "string" },
      "login-url": { type: "string" },
      "client-id": { type: "string" },
      username: { type: "string" },
      "instance-url": { type: "string" },
      remove: { type: "boolean" },
    },
  });
  const caller = await callerFor(deps.db, requireOption(values, "email"));
  try {
    if (values.remove) {
      await removeSalesforceCredentials(deps.db, caller);
      return `removed the Salesforce credentials of organisation ${caller.organisationId}`;
    }
    const parsedSecrets = secretsSchema.safeParse(JSON.parse((await deps.readStdin()).trim() || "null"));
    if (!parsedSecrets.success) throw new CliError(`stdin must be JSON: {"clientSecret", "password"} or {"accessToken"}\nusage: ${CONNECTOR_SALESFORCE_USAGE}`, 2);
    const secrets = parsedSecrets.data;
    const credentials =
      "accessToken" in secrets
        ? { kind: "token" as const, instanceUrl: requireOption(values, "instance-url"), accessToken: secrets.accessToken }
        : { kind: "password" as const, loginUrl: values["login-url"], clientId: requireOption(values, "client-id"), username: requireOption(values, "username"), ...secrets };
    const saved = await saveSalesforceCredentials({ db: deps.db, secretKey: deps.secretKey(), outbound: deps.outbound }, caller, credentials);
    return `stored Salesforce credentials (${saved.label}) for organisation ${caller.organisationId}; its agent now has the Salesforce tools`;
  } catch (error) {
    if (error instanceof SyntaxError) throw new CliError("stdin is not valid JSON", 2);
    if (isAppError(error)) throw new CliError(error.message);
    throw error;
  }
}
