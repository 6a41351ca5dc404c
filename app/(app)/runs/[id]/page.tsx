import type { Metadata } from "next";
import Link from "next/link";
import { RunDetail } from "@/components/runs/run-detail";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Run" };

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <>
      <PageHeader title="Run" description={<Link href="/runs" className="hover:underline">← All runs</Link>} />
      <RunDetail runId={id} />
    </>
  );
}
