import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Functions" };

export default function FunctionsPage() {
  return (
    <>
      <PageHeader title="Functions" description="Every Lambda function in the fleet, image functions first." />
      <ComingSoon what="A fast table of every function — package type, state, account, region, team, image, idle days, cold starts — with filters, search, sort and CSV export, all kept in the URL." />
    </>
  );
}
