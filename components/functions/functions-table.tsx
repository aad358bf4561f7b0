"use client";

import { flexRender, getCoreRowModel, type SortingState, useReactTable } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import type { FunctionPage } from "@/lib/contracts/functions";
import type { FunctionSort } from "@/lib/contracts/functions-query";
import { COLUMN_SORTS, functionColumns, NUMERIC_COLUMNS } from "./functions-columns";

const SORT_ICON = { asc: "▲", desc: "▼" } as const;

/**
 * The fleet table in TanStack's manual mode: the server sorts, filters and pages; the table only
 * renders one page and turns header clicks into a new sort in the URL.
 */
export function FunctionsTable({
  data,
  sort,
  dir,
  windowSearch,
  onSort,
}: {
  data: FunctionPage;
  sort: FunctionSort;
  dir: "asc" | "desc";
  windowSearch: string;
  onSort: (sort: FunctionSort, dir: "asc" | "desc") => void;
}) {
  // Image ages are relative to when the page was opened; refreshes keep it steady.
  const [now] = useState(() => Date.now());
  const columns = useMemo(() => functionColumns(windowSearch, now), [windowSearch, now]);
  const sortedColumn = Object.entries(COLUMN_SORTS).find(([, s]) => s === sort)?.[0];
  const sorting: SortingState = sortedColumn ? [{ id: sortedColumn, desc: dir === "desc" }] : [];
  const table = useReactTable({
    data: data.rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    rowCount: data.total,
    state: { sorting },
  });

  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full border-collapse text-sm">
        <thead className="bg-zinc-50 text-left text-xs font-semibold text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const columnSort = COLUMN_SORTS[header.column.id];
                const current = sortedColumn === header.column.id ? dir : null;
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={current === "asc" ? "ascending" : current === "desc" ? "descending" : undefined}
                    className={`whitespace-nowrap border-b border-zinc-200 px-3 py-2 dark:border-zinc-800 ${NUMERIC_COLUMNS.has(header.column.id) ? "text-right" : ""}`}
                  >
                    {columnSort ? (
                      <button
                        type="button"
                        className="inline-flex items-center gap-1 rounded hover:text-zinc-900 dark:hover:text-white"
                        onClick={() => onSort(columnSort, current === "asc" ? "desc" : "asc")}
                      >
                        {label}
                        <span aria-hidden="true" className={current ? "" : "opacity-0"}>
                          {SORT_ICON[current ?? "asc"]}
                        </span>
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
              {row.getVisibleCells().map((cell) => (
                <td
                  key={cell.id}
                  className={`whitespace-nowrap px-3 py-1.5 align-top ${NUMERIC_COLUMNS.has(cell.column.id) ? "text-right tabular-nums" : ""}`}
                >
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
