import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Reports" };

export default function ReportsPage() {
  return (
    <>
      <PageHeader title="Reports" description="Weekly reports per team, week over week." />
      <ComingSoon what="One report per ISO week, per team: lifecycle, cold starts, idle risk, images behind on base image — printable and exportable." />
    </>
  );
}
