"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { createAccount } from "@/server/accounts/create-account";
import { signIn, signOut } from "@/server/auth/auth";
import { isAppError } from "@/server/errors/app-error";
import { consumeSignInAttempt } from "@/server/security/rate-limits";

export interface AuthFormState {
  error?: string;
  email?: string;
}

/** Only same-site paths are accepted as a post-sign-in destination. */
function safeDestination(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") ? path : "/chat";
}

export async function signInWithPassword(_state: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const email = String(formData.get("email") ?? "");
  const attempt = await consumeSignInAttempt(email);
  if (!attempt.allowed) {
    return { error: `Too many sign-in attempts. Try again in ${Math.ceil(attempt.retryAfterSeconds / 60)} minutes.`, email };
  }
  try {
    await signIn("credentials", {
      email,
      password: String(formData.get("password") ?? ""),
      redirectTo: safeDestination(formData.get("callbackUrl")),
    });
    return {};
  } catch (error) {
    if (error instanceof AuthError) return { error: "Wrong e-mail or password.", email };
    throw error;
  }
}

export async function signUpWithPassword(_state: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const email = String(formData.get("email") ?? "");
  const password = String(formData.get("password") ?? "");
  try {
    const requestHeaders = await headers();
    await createAccount(
      await getDb(),
      { email, password, name: String(formData.get("name") ?? "") || undefined },
      { organisation: "new", ip: requestHeaders.get("x-forwarded-for") ?? undefined },
    );
  } catch (error) {
    if (isAppError(error)) return { error: error.message, email };
    throw error;
  }
  await signIn("credentials", { email, password, redirectTo: "/chat" });
  return {};
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
