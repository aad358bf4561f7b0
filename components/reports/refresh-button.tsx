"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ACTION_CLASS } from "./button-style";

/** Recomputes the week to date now instead of waiting for the collector's next cycle. */
export function RefreshButton() {
  const client = useQueryClient();
  const refresh = useMutation({
    mutationFn: async () => {
      const response = await fetch("/api/reports", { method: "POST" });
      if (!response.ok) throw new Error(`Refreshing reports failed (${response.status})`);
    },
    onSuccess: () =>
      client.invalidateQueries({ predicate: (q) => q.queryKey[0] === "reports" || q.queryKey[0] === "report" }),
  });
  return (
    <span className="no-print flex items-center gap-2">
      <button type="button" onClick={() => refresh.mutate()} disabled={refresh.isPending} className={ACTION_CLASS}>
        {refresh.isPending ? "Refreshing…" : "Refresh week to date"}
      </button>
      {refresh.isError ? (
        <span role="alert" className="text-sm text-red-700">
          {refresh.error.message}
        </span>
      ) : null}
    </span>
  );
}
