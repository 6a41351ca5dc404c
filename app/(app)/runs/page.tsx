import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Runs" };

export default function RunsPage() {
  return (
    <>
      <PageHeader title="Runs" description="Durable agent runs and workbook transformations." />
      <EmptyState testId="runs-empty" title="No runs yet" description="Runs appear here as soon as a chat or an upload starts one." />
    </>
  );
}
