import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Admin" };

const SECTIONS = [
  { href: "/admin/costs", title: "Costs", description: "Model spend over time by provider, model and user; budgets; the saving from routing; CSV export." },
  { href: "/admin/routing", title: "Routing and models", description: "Which model each kind of request goes to, fallbacks, cost caps, budgets, and your own model endpoints." },
];

export default function AdminPage() {
  return (
    <>
      <PageHeader title="Admin" description="Model spend, routing policy and budgets." />
      <div className="grid gap-4 md:grid-cols-2">
        {SECTIONS.map((section) => (
          <Link key={section.href} href={section.href} className="block" data-testid={`admin-link-${section.href.split("/").pop()}`}>
            <Card className="h-full hover:border-brand-500">
              <h2 className="text-base font-semibold">{section.title}</h2>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{section.description}</p>
            </Card>
          </Link>
        ))}
      </div>
    </>
  );
}
