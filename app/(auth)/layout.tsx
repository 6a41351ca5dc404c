import { BrandMark } from "@/components/shell/brand-mark";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { auth } from "@/server/auth/auth";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const session = await auth();
  if (session?.user?.id) redirect("/chat");
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="mb-8 text-center text-xl font-semibold tracking-tight">
          <BrandMark /> Candlefish
        </p>
        {children}
      </div>
    </main>
  );
}
