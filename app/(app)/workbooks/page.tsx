import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { WorkbookList } from "@/components/workbooks/workbook-list";

export const metadata: Metadata = { title: "Workbooks" };

export default function WorkbooksPage() {
  return (
    <>
      <PageHeader title="Workbooks" description="Excel workbooks turned into web apps." />
      <WorkbookList />
    </>
  );
}
