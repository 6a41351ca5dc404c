import { BrandMark } from "@/components/shell/brand-mark";
import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks } from "@/components/shell/nav-links";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { signOutAction } from "@/server/auth/auth-actions";

export function AppShell({ email, organisation, children }: { email: string; organisation: string; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900">
        Skip to content
      </a>
      <aside className="border-b border-zinc-200 bg-white px-3 py-3 md:w-56 md:shrink-0 md:border-b-0 md:border-r dark:border-zinc-800 dark:bg-zinc-900">
        <div className="flex items-center justify-between md:block">
          <Link href="/chat" className="block px-3 py-2 text-base font-semibold tracking-tight">
            <BrandMark /> Candlefish
          </Link>
          <p className="hidden px-3 pb-3 text-xs text-zinc-500 md:block" data-testid="organisation-name">
            {organisation}
          </p>
        </div>
        <nav aria-label="Main">
          <NavLinks />
        </nav>
        <div className="mt-3 flex items-center justify-between gap-2 border-t border-zinc-200 px-1 pt-3 md:mt-6 md:flex-col md:items-start dark:border-zinc-800">
          <span className="truncate px-2 text-xs text-zinc-500" data-testid="signed-in-email" title={email}>
            {email}
          </span>
          <div className="flex gap-1">
            <ThemeToggle />
            <form action={signOutAction}>
              <button
                type="submit"
                className="rounded-md px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-200 dark:text-zinc-300 dark:hover:bg-zinc-800"
                data-testid="sign-out"
              >
                Sign out
              </button>
            </form>
          </div>
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-8">
        {children}
      </main>
    </div>
  );
}
