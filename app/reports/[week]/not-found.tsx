import Link from "next/link";

export const metadata = { title: "No such report" };

export default function ReportNotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">No report for this week</h1>
      <p className="mt-2 text-zinc-500 dark:text-zinc-400">
        Weeks are ISO weeks written like <code>2026-W49</code>. A report exists for the week in progress and for every
        week that closed while ImageFleet was collecting; a team has one only for weeks in which it owned functions or
        alerts.
      </p>
      <Link href="/reports" className="mt-6 inline-block rounded bg-accent px-3 py-1.5 text-sm font-medium text-white">
        All reports
      </Link>
    </div>
  );
}
