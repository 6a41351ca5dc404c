import type { MembershipRole } from "@/db/schema";

/** Who is making a request, resolved from a session or an API key. Every query is scoped by `organisationId`. */
export interface Caller {
  userId: string;
  organisationId: string;
  role: MembershipRole;
  via: "session" | "api_key";
}

export function isAdminRole(role: MembershipRole): boolean {
  return role === "owner" || role === "admin";
}
