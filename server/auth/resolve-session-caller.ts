import "server-only";
import type { Database } from "@/db/database";
import { findPrimaryMembership } from "@/server/accounts/organisation-repository";
import { auth } from "@/server/auth/auth";
import type { Caller } from "@/server/auth/caller";

/**
 * The signed-in caller, or null. The organisation and role are read from the database on every request, so a
 * removed member loses access at once even though their session token is still valid.
 */
export async function resolveSessionCaller(db: Database): Promise<Caller | null> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const membership = await findPrimaryMembership(db, userId);
  if (!membership) return null;
  return { userId, organisationId: membership.organisationId, role: membership.role, via: "session" };
}
