import "server-only";
import type { Database } from "@/db/database";
import { signInSchema } from "@/server/accounts/account-schemas";
import { findPrimaryMembership } from "@/server/accounts/organisation-repository";
import { findUserByEmail } from "@/server/accounts/user-repository";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { verifyPassword } from "@/server/auth/password";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string | null;
}

/** Checks an e-mail and password; returns the user, or null for any wrong or unknown combination (audited). */
export async function authenticateCredentials(
  db: Database,
  credentials: unknown,
  ip?: string,
): Promise<AuthenticatedUser | null> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await findUserByEmail(db, email);
  const valid = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : false;
  if (!user || !valid) {
    const membership = user ? await findPrimaryMembership(db, user.id) : undefined;
    await recordAuditEvent(db, {
      action: "auth.sign_in",
      outcome: "failure",
      userId: user?.id,
      organisationId: membership?.organisationId,
      ip,
      details: { email, reason: user ? "wrong_password" : "unknown_email" },
    });
    return null;
  }
  const membership = await findPrimaryMembership(db, user.id);
  await recordAuditEvent(db, { action: "auth.sign_in", outcome: "success", userId: user.id, organisationId: membership?.organisationId, ip });
  return { id: user.id, email: user.email, name: user.name };
}
