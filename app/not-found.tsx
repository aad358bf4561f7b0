import Link from "next/link";

export const metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">Nothing here</h1>
      <p className="mt-2 text-zinc-500 dark:text-zinc-400">
        This page, function or alert does not exist — or no longer does. Functions deleted from AWS keep their history
        under Functions with the “deleted” filter.
      </p>
      <Link href="/" className="mt-6 inline-block rounded bg-accent px-3 py-1.5 text-sm font-medium text-white">
        Back to the overview
      </Link>
    </div>
  );
}
