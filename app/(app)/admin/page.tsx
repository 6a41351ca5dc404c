import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Admin" };

export default function AdminPage() {
  return (
    <>
      <PageHeader title="Admin" description="Model spend, routing policy and budgets." />
      <EmptyState testId="admin-empty" title="No model calls recorded yet" description="The cost dashboard fills in as soon as the first model call is made." />
    </>
  );
}
