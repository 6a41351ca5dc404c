import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { TrpcProviders } from "@/components/providers/trpc";
import { themeBootScript } from "@/components/providers/theme-boot-script";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Candlefish", template: "%s · Candlefish" },
  description: "Agents for business spreadsheets and systems.",
};

/** Every page is rendered per request: its scripts carry the nonce of that response's CSP (see proxy.ts). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeBootScript }} />
      </head>
      <body className="min-h-screen bg-zinc-50 font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <TrpcProviders>{children}</TrpcProviders>
      </body>
    </html>
  );
}
