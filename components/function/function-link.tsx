import Link from "next/link";
import { functionPathname } from "@/lib/query/api-queries";

export function functionHref(fn: { accountId: string; region: string; name: string }, search = ""): string {
  const path = `/functions/${functionPathname({ account: fn.accountId, region: fn.region, name: fn.name })}`;
  return search ? `${path}?${search}` : path;
}

/** A function's name linking to its page, optionally carrying the current time window. */
export function FunctionLink({
  fn,
  search,
}: {
  fn: { accountId: string; region: string; name: string };
  search?: string;
}) {
  return (
    <Link href={functionHref(fn, search)} className="font-medium text-accent hover:underline">
      {fn.name}
    </Link>
  );
}
