import "server-only";
import type { Database } from "@/db/database";
import type { MembershipRole } from "@/db/schema";
import { signUpSchema, type SignUpInput } from "@/server/accounts/account-schemas";
import {
  findOldestOrganisation,
  insertMembership,
  insertOrganisation,
} from "@/server/accounts/organisation-repository";
import { findUserByEmail, insertUser } from "@/server/accounts/user-repository";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { hashPassword } from "@/server/auth/password";
import { AppError } from "@/server/errors/app-error";

export interface CreatedAccount {
  userId: string;
  email: string;
  organisationId: string;
  role: MembershipRole;
}

/**
 * Creates a user with a password.
 * - `organisation: "new"` (sign-up): the user owns a new organisation of their own.
 * - `organisation: "existing"` (operators' CLI): the user joins the oldest organisation with `role`; when there
 *   is none yet, the first user owns a new one.
 */
export async function createAccount(
  db: Database,
  input: SignUpInput,
  options: { organisation: "new" | "existing"; role?: MembershipRole; ip?: string } = { organisation: "new" },
): Promise<CreatedAccount> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "Invalid sign-up details.");
  }
  const { email, password, name } = parsed.data;
  if (await findUserByEmail(db, email)) {
    await recordAuditEvent(db, { action: "account.create", outcome: "failure", ip: options.ip, details: { email, reason: "duplicate_email" } });
    throw new AppError("conflict", "An account with this e-mail already exists. Sign in instead.");
  }
  const passwordHash = await hashPassword(password);

  const account = await db.transaction(async (tx) => {
    const user = await insertUser(tx, { email, name: name || null, passwordHash }).catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError("conflict", "An account with this e-mail already exists. Sign in instead.");
      throw error;
    });
    const existing = options.organisation === "existing" ? await findOldestOrganisation(tx) : undefined;
    const organisation = existing ?? (await insertOrganisation(tx, organisationNameFor(name, email)));
    const role: MembershipRole = existing ? (options.role ?? "member") : "owner";
    await insertMembership(tx, user.id, organisation.id, role);
    return { userId: user.id, email, organisationId: organisation.id, role };
  });

  await recordAuditEvent(db, {
    action: "account.create",
    outcome: "success",
    organisationId: account.organisationId,
    userId: account.userId,
    ip: options.ip,
    details: { role: account.role },
  });
  return account;
}

function organisationNameFor(name: string | undefined, email: string): string {
  return `${name || email.split("@")[0]}'s organisation`;
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  return code === "23505";
}
