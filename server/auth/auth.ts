import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { env } from "@/env";
import { authenticateCredentials } from "@/server/accounts/authenticate-credentials";
import { insertMembership, insertOrganisation } from "@/server/accounts/organisation-repository";
import { resolveAuthSecret } from "@/server/auth/auth-secret";
import { clientIp } from "@/server/http/client-ip";

/** Which OAuth providers are configured, for the sign-in page. */
export const oauthProviders = [
  ...(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET ? [{ id: "github", name: "GitHub" }] : []),
  ...(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET ? [{ id: "google", name: "Google" }] : []),
];

async function buildConfig(): Promise<NextAuthConfig> {
  const db = await getDb();
  return {
    secret: resolveAuthSecret(),
    trustHost: true,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in" },
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    providers: [
      Credentials({
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize: (credentials, request) => authenticateCredentials(db, credentials, clientIp(request)),
      }),
      ...(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET
        ? [GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET })]
        : []),
      ...(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET
        ? [Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET })]
        : []),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user?.id) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        return session;
      },
    },
    events: {
      // A user arriving through OAuth owns a new organisation, as a sign-up with a password does.
      async createUser({ user }) {
        if (!user.id) return;
        const organisation = await insertOrganisation(db, `${user.name || user.email?.split("@")[0] || "My"}'s organisation`);
        await insertMembership(db, user.id, organisation.id, "owner");
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(buildConfig);
