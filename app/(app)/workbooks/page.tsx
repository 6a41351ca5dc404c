import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Workbooks" };

export default function WorkbooksPage() {
  return (
    <>
      <PageHeader title="Workbooks" description="Excel workbooks turned into web apps." />
      <EmptyState
        testId="workbooks-empty"
        title="No workbooks yet"
        description="Uploading a workbook to turn it into a web app is coming with the transformer release."
      />
    </>
  );
}
