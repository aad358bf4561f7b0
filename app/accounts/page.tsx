import { ComingSoon } from "@/components/ui/coming-soon";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Accounts" };

export default function AccountsPage() {
  return (
    <>
      <PageHeader title="Accounts" description="Accounts and regions ImageFleet polls, and how the last polls went." />
      <ComingSoon what="Each account × region: last poll, duration, calls, throttles, errors, functions found; a clear sign when an account cannot be assumed." />
    </>
  );
}
