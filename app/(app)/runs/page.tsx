import type { Metadata } from "next";
import { RunList } from "@/components/runs/run-list";
import { StartDemoButton } from "@/components/runs/start-demo-button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Runs" };

export default function RunsPage() {
  return (
    <>
      <PageHeader title="Runs" description="Durable agent runs and workbook transformations." actions={<StartDemoButton />} />
      <RunList />
    </>
  );
}
