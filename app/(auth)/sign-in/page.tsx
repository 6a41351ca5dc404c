import type { Metadata } from "next";
import { AuthForm } from "@/components/auth/auth-form";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { Card } from "@/components/ui/card";
import { oauthProviders } from "@/server/auth/auth";
import { signInWithPassword } from "@/server/auth/auth-actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <Card className="p-6">
      <h1 className="mb-6 text-lg font-semibold">Sign in</h1>
      <OAuthButtons providers={oauthProviders} callbackUrl={callbackUrl} />
      <AuthForm mode="sign-in" action={signInWithPassword} callbackUrl={callbackUrl} />
    </Card>
  );
}
