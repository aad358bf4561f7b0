import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Alerts" };

export default function AlertsPage() {
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Warnings that need someone: idle before Inactive, failed, unpatched base images."
      />
      <ComingSoon what="The alert list with severity, rule, state, account and team filters; each alert has a permalink with its evidence." />
    </>
  );
}
