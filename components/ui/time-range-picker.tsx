"use client";

import { useQueryStates } from "nuqs";
import { type FormEvent, useState } from "react";
import { RANGE_PRESETS } from "@/lib/analysis/time-window";
import { timeRangeParsers } from "@/lib/url-state/time-range";

const PRESET_LABELS: Record<(typeof RANGE_PRESETS)[number], string> = { "24h": "24 h", "7d": "7 d", "30d": "30 d" };

/** "2026-12-01T10:00:00.000Z" ↔ the value of an <input type="datetime-local">, read as UTC. */
const toInput = (iso: string | null) => (iso ? iso.slice(0, 16) : "");
const fromInput = (value: string) => (value ? new Date(`${value}:00Z`).toISOString() : null);

/** The time range every chart of a page uses: last 24 h / 7 d / 30 d, or a custom UTC window. */
export function TimeRangePicker() {
  const [{ range, from, to }, setRange] = useQueryStates(timeRangeParsers);
  const isCustom = from !== null && to !== null;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ from: toInput(from), to: toInput(to) });
  const draftInvalid = !draft.from || !draft.to || draft.from >= draft.to;

  function apply(event: FormEvent) {
    event.preventDefault();
    if (draftInvalid) return;
    void setRange({ from: fromInput(draft.from), to: fromInput(draft.to) });
    setEditing(false);
  }

  const button = (active: boolean) =>
    `px-2.5 py-1 text-xs font-medium ${active ? "bg-accent text-white" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"}`;

  return (
    <div className="flex flex-wrap items-center gap-2">
      <fieldset className="flex overflow-hidden rounded border border-zinc-300 dark:border-zinc-700">
        <legend className="sr-only">Time range</legend>
        {RANGE_PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            aria-pressed={!isCustom && range === preset}
            className={button(!isCustom && range === preset)}
            onClick={() => void setRange({ range: preset, from: null, to: null })}
          >
            {PRESET_LABELS[preset]}
          </button>
        ))}
        <button
          type="button"
          aria-pressed={isCustom}
          aria-expanded={editing}
          className={button(isCustom)}
          onClick={() => {
            setDraft({ from: toInput(from), to: toInput(to) });
            setEditing((open) => !open);
          }}
        >
          {isCustom ? `${toInput(from).replace("T", " ")} → ${toInput(to).replace("T", " ")} UTC` : "Custom"}
        </button>
      </fieldset>
      {editing ? (
        <form onSubmit={apply} className="flex flex-wrap items-center gap-2 text-xs">
          <label className="flex items-center gap-1">
            From (UTC)
            <input
              type="datetime-local"
              value={draft.from}
              onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))}
              className="rounded border border-zinc-300 bg-white px-1.5 py-0.5 dark:border-zinc-700 dark:bg-zinc-900"
            />
          </label>
          <label className="flex items-center gap-1">
            To (UTC)
            <input
              type="datetime-local"
              value={draft.to}
              onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))}
              className="rounded border border-zinc-300 bg-white px-1.5 py-0.5 dark:border-zinc-700 dark:bg-zinc-900"
            />
          </label>
          <button
            type="submit"
            disabled={draftInvalid}
            className="rounded bg-accent px-2 py-1 font-medium text-white disabled:opacity-50"
          >
            Apply
          </button>
        </form>
      ) : null}
    </div>
  );
}
