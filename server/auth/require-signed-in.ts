import "server-only";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { findPrimaryMembership } from "@/server/accounts/organisation-repository";
import { findUserById } from "@/server/accounts/user-repository";
import { auth } from "@/server/auth/auth";

/** For signed-in pages: the user and their organisation, or a redirect to the sign-in page. */
export async function requireSignedIn(returnTo: string) {
  const session = await auth();
  const userId = session?.user?.id;
  const db = await getDb();
  const user = userId ? await findUserById(db, userId) : undefined;
  const membership = user ? await findPrimaryMembership(db, user.id) : undefined;
  if (!user || !membership) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return { user, membership };
}
