"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { AlertDetail } from "@/lib/contracts/alerts";
import { ALL_ALERTS_KEY, alertQueries } from "@/lib/query/api-queries";
import { ErrorState } from "../ui/states";

const SILENCE_HOURS = [
  { hours: 1, label: "1 hour" },
  { hours: 4, label: "4 hours" },
  { hours: 24, label: "1 day" },
  { hours: 168, label: "1 week" },
];

const button =
  "rounded border border-zinc-300 px-2.5 py-1 text-sm font-medium hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800";

async function post(url: string, body: unknown): Promise<AlertDetail> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => null);
  if (!response.ok) throw new Error(answer?.error?.message ?? `The server answered ${response.status}`);
  return answer as AlertDetail;
}

/** Acknowledge and silence an active alert; the page shows the answer at once. */
export function AlertActions({ alert }: { alert: AlertDetail }) {
  const client = useQueryClient();
  const [hours, setHours] = useState(SILENCE_HOURS[1]!.hours);
  const base = alertQueries.detail(alert.id).url;
  const change = useMutation({
    mutationFn: (action: { path: string; body: unknown }) => post(`${base}/${action.path}`, action.body),
    onSuccess: (detail) => {
      client.setQueryData(alertQueries.detail(alert.id).queryKey, detail);
      void client.invalidateQueries({ queryKey: ALL_ALERTS_KEY });
    },
  });
  if (alert.state === "resolved") return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={button}
          disabled={change.isPending || alert.state === "acknowledged"}
          onClick={() => change.mutate({ path: "acknowledge", body: {} })}
        >
          {alert.state === "acknowledged" ? "Acknowledged" : "Acknowledge"}
        </button>
        <label className="flex items-center gap-1 text-sm">
          <span className="sr-only">Silence for</span>
          <select
            value={hours}
            onChange={(e) => setHours(Number(e.target.value))}
            className="rounded border border-zinc-300 bg-white px-1.5 py-1 dark:border-zinc-700 dark:bg-zinc-900"
          >
            {SILENCE_HOURS.map((option) => (
              <option key={option.hours} value={option.hours}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className={button}
          disabled={change.isPending}
          onClick={() =>
            change.mutate({ path: "silence", body: { until: new Date(Date.now() + hours * 3_600_000).toISOString() } })
          }
        >
          Silence
        </button>
        {alert.silenced ? (
          <button
            type="button"
            className={button}
            disabled={change.isPending}
            onClick={() => change.mutate({ path: "silence", body: { until: null } })}
          >
            Lift silence
          </button>
        ) : null}
      </div>
      {change.isError ? <ErrorState title="The change was not saved" message={change.error.message} /> : null}
    </div>
  );
}
