"use client";

export interface FilterOption {
  value: string;
  label: string;
}

/** A labelled <select> where the empty choice means "no filter". */
export function FilterSelect({
  label,
  value,
  options,
  onChange,
  allLabel = "All",
}: {
  label: string;
  value: string | null;
  options: readonly FilterOption[];
  onChange: (value: string | null) => void;
  allLabel?: string;
}) {
  return (
    <label className="flex flex-col gap-0.5 text-xs font-medium text-zinc-600 dark:text-zinc-400">
      {label}
      <select
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value || null)}
        className="min-w-28 rounded border border-zinc-300 bg-white px-1.5 py-1 text-sm font-normal text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export const toOptions = (values: readonly string[]): FilterOption[] =>
  values.map((value) => ({ value, label: value }));
