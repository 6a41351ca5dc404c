import { parseArgs } from "node:util";
import { CliError, requireOption } from "@/cli/args";
import type { Database } from "@/db/database";
import { findPrimaryMembership } from "@/server/accounts/organisation-repository";
import { findUserByEmail } from "@/server/accounts/user-repository";
import { createApiKey } from "@/server/api-keys/create-api-key";

/** `apikey create --email <user email> [--name <label>]`: prints the new key, alone on its line. */
export async function apikeyCreate(db: Database, argv: string[]): Promise<string> {
  const { values } = parseArgs({ args: argv, options: { email: { type: "string" }, name: { type: "string" } } });
  const email = requireOption(values, "email");
  const user = await findUserByEmail(db, email);
  if (!user) throw new CliError(`no user with e-mail ${email}`);
  const membership = await findPrimaryMembership(db, user.id);
  if (!membership) throw new CliError(`${email} belongs to no organisation`);
  const created = await createApiKey(db, { userId: user.id, organisationId: membership.organisationId }, values.name ?? "cli");
  return created.key;
}
