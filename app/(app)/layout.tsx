import { headers } from "next/headers";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireSignedIn } from "@/server/auth/require-signed-in";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const path = (await headers()).get("x-pathname") ?? "/chat";
  const { user, membership } = await requireSignedIn(path);
  return (
    <AppShell email={user.email} organisation={membership.organisationName}>
      {children}
    </AppShell>
  );
}
