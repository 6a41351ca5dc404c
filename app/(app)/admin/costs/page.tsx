import type { Metadata } from "next";
import { CostDashboard } from "@/components/admin/cost-dashboard";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Costs" };

export default function CostsPage() {
  return (
    <>
      <PageHeader title="Model costs" description="Every model call through the router, priced from the versioned price table." />
      <CostDashboard />
    </>
  );
}
