"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { SilencePreset } from "@/lib/analysis/alerts/silence";
import { ALL_ALERTS_KEY } from "@/lib/query/api-queries";
import { postJson } from "@/lib/query/fetch-json";
import { ErrorState } from "../ui/states";

const PRESETS: { value: SilencePreset; label: string }[] = [
  { value: "1h", label: "1 hour" },
  { value: "tomorrow-9", label: "Until tomorrow 09:00" },
  { value: "1w", label: "1 week" },
];

export const actionButton =
  "rounded border border-zinc-300 px-2.5 py-1 text-sm font-medium hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** Silences the given groups until a preset end, with a note saying why. */
export function SilenceForm({ groupKeys, onDone }: { groupKeys: readonly string[]; onDone: () => void }) {
  const client = useQueryClient();
  const [preset, setPreset] = useState<SilencePreset>("tomorrow-9");
  const [note, setNote] = useState("");
  const silence = useMutation({
    mutationFn: () => postJson("/api/alerts/silences", { groupKeys, preset, note }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ALL_ALERTS_KEY });
      onDone();
    },
  });
  return (
    <form
      className="flex flex-wrap items-end gap-2 rounded border border-zinc-200 p-2 dark:border-zinc-800"
      aria-label="Silence"
      onSubmit={(event) => {
        event.preventDefault();
        silence.mutate();
      }}
    >
      <label className="flex flex-col gap-0.5 text-xs font-medium text-zinc-600 dark:text-zinc-400">
        Until
        <select
          value={preset}
          onChange={(e) => setPreset(e.target.value as SilencePreset)}
          className="rounded border border-zinc-300 bg-white px-1.5 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        >
          {PRESETS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-w-64 flex-1 flex-col gap-0.5 text-xs font-medium text-zinc-600 dark:text-zinc-400">
        Note
        <input
          required
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder="Why, and who is on it"
          className="rounded border border-zinc-300 bg-white px-1.5 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
      </label>
      <button type="submit" className={actionButton} disabled={silence.isPending || note.trim() === ""}>
        Silence {groupKeys.length === 1 ? "group" : `${groupKeys.length} groups`}
      </button>
      <button type="button" className={actionButton} onClick={onDone}>
        Cancel
      </button>
      {silence.isError ? <ErrorState title="Not silenced" message={silence.error.message} /> : null}
    </form>
  );
}
