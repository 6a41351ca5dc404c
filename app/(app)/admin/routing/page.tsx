import type { Metadata } from "next";
import { EndpointsPanel } from "@/components/admin/endpoints-panel";
import { PolicyEditor } from "@/components/admin/policy-editor";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Routing and models" };

export default function RoutingPage() {
  return (
    <>
      <PageHeader title="Routing and models" description="The policy every model call follows, and the endpoints it can use." />
      <div className="space-y-6">
        <PolicyEditor />
        <EndpointsPanel />
      </div>
    </>
  );
}
