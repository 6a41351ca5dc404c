import type { Metadata } from "next";
import { AuthForm } from "@/components/auth/auth-form";
import { Card } from "@/components/ui/card";
import { signUpWithPassword } from "@/server/auth/auth-actions";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <Card className="p-6">
      <h1 className="mb-6 text-lg font-semibold">Create your account</h1>
      <AuthForm mode="sign-up" action={signUpWithPassword} />
    </Card>
  );
}
