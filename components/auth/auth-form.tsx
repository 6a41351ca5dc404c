"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { AuthFormState } from "@/server/auth/auth-actions";

interface AuthFormProps {
  mode: "sign-in" | "sign-up";
  action: (state: AuthFormState, formData: FormData) => Promise<AuthFormState>;
  callbackUrl?: string;
}

export function AuthForm({ mode, action, callbackUrl }: AuthFormProps) {
  const [state, formAction, pending] = useActionState(action, {});
  const signingUp = mode === "sign-up";
  return (
    <form action={formAction} className="space-y-4" data-testid={`${mode}-form`} noValidate={false}>
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      {signingUp ? <TextField label="Name" id="name" name="name" autoComplete="name" maxLength={100} /> : null}
      <TextField label="E-mail" id="email" name="email" type="email" autoComplete="email" required defaultValue={state.email} />
      <TextField
        label="Password"
        id="password"
        name="password"
        type="password"
        autoComplete={signingUp ? "new-password" : "current-password"}
        minLength={signingUp ? 8 : undefined}
        required
      />
      {state.error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300" data-testid="auth-error">
          {state.error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Please wait…" : signingUp ? "Create account" : "Sign in"}
      </Button>
      <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
        {signingUp ? "Already have an account? " : "New to Candlefish? "}
        <Link className="font-medium text-brand-600 hover:underline" href={signingUp ? "/sign-in" : "/sign-up"}>
          {signingUp ? "Sign in" : "Create an account"}
        </Link>
      </p>
    </form>
  );
}
