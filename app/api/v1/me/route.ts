// GET /api/v1/me: who an API key belongs to (user, organisation, role).
import { findPrimaryMembership } from "@/server/accounts/organisation-repository";
import { findUserById } from "@/server/accounts/user-repository";
import { withApiKey } from "@/server/http/with-api-key";

export const GET = withApiKey(async (_request, { caller, db }) => {
  const [user, membership] = await Promise.all([findUserById(db, caller.userId), findPrimaryMembership(db, caller.userId)]);
  return Response.json({
    user: { id: caller.userId, email: user?.email, name: user?.name ?? null },
    organisation: { id: caller.organisationId, name: membership?.organisationName },
    role: caller.role,
  });
});
