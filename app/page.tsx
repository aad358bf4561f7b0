import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";

export default function OverviewPage() {
  return (
    <>
      <PageHeader
        title="Fleet overview"
        description="Lambda functions across every account and region, image functions in focus."
      />
      <ComingSoon what="Headline figures, the lifecycle chart (Active / Pending / Inactive / Failed over time), the cold-start chart and top lists." />
    </>
  );
}
