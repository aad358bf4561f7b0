import type { ReactNode } from "react";
import type { ListFigure, ReportFunctionRef } from "@/lib/analysis/report/types";
import { functionPathname } from "@/lib/query/api-queries";

export interface Column<T> {
  header: string;
  cell: (item: T) => ReactNode;
  numeric?: boolean;
}

/** A function, linked to its page; account and region in small print. */
export function FunctionCell({ fn }: { fn: ReportFunctionRef }) {
  return (
    <>
      <a
        href={`/functions/${functionPathname({ account: fn.accountId, region: fn.region, name: fn.name })}`}
        className="font-medium text-accent hover:underline print:text-black print:no-underline"
      >
        {fn.name}
      </a>
      <span className="ml-1.5 text-xs text-zinc-500 print:text-black">
        {fn.accountId} · {fn.region}
      </span>
    </>
  );
}

/** One list of the report: the rows kept (the longest first) and how many there were in all. */
export function EntriesTable<T extends { function: ReportFunctionRef } | ReportFunctionRef>({
  list,
  columns,
  empty,
  label,
}: {
  list: ListFigure<T>;
  columns: Column<T>[];
  empty: string;
  label: string;
}) {
  if (list.count === 0) return <p className="text-sm text-zinc-500 print:text-black">{empty}</p>;
  const key = (item: T) => ("function" in item ? item.function.id : item.id);
  return (
    <div className="overflow-x-auto">
      <table aria-label={label} className="w-full text-left text-sm">
        <thead className="text-xs text-zinc-500 print:text-black">
          <tr className="border-b border-zinc-200 dark:border-zinc-800 print:border-zinc-400">
            {columns.map((c) => (
              <th key={c.header} scope="col" className={`py-1 pr-3 font-medium ${c.numeric ? "text-right" : ""}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {list.items.map((item) => (
            <tr
              key={key(item)}
              className="break-inside-avoid border-b border-zinc-100 dark:border-zinc-800/60 print:border-zinc-300"
            >
              {columns.map((c) => (
                <td key={c.header} className={`py-1 pr-3 ${c.numeric ? "text-right tabular-nums" : ""}`}>
                  {c.cell(item)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {list.count > list.items.length ? (
        <p className="mt-1 text-xs text-zinc-500 print:text-black">
          The {list.items.length} most notable of {list.count}.
        </p>
      ) : null}
    </div>
  );
}
