import type { Metadata } from "next";
import { WorkbookDetail } from "@/components/workbooks/workbook-detail";

export const metadata: Metadata = { title: "Workbook" };

export default async function WorkbookPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <WorkbookDetail id={id} />;
}
