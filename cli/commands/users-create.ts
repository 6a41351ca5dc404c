import { parseArgs } from "node:util";
import { z } from "zod";
import { requireOption, CliError } from "@/cli/args";
import type { Database } from "@/db/database";
import { createAccount } from "@/server/accounts/create-account";
import { isAppError } from "@/server/errors/app-error";

const roleSchema = z.enum(["owner", "admin", "member"]);

/** `users create --email <e> --password <p> [--role owner|admin|member] [--name <n>]` */
export async function usersCreate(db: Database, argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: { email: { type: "string" }, password: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
  });
  const role = roleSchema.safeParse(values.role ?? "member");
  if (!role.success) throw new CliError("--role must be owner, admin or member", 2);
  try {
    const account = await createAccount(
      db,
      { email: requireOption(values, "email"), password: requireOption(values, "password"), name: values.name },
      { organisation: "existing", role: role.data },
    );
    return `created ${account.email} (${account.role}) in organisation ${account.organisationId}`;
  } catch (error) {
    if (isAppError(error)) throw new CliError(error.message);
    throw error;
  }
}
