"use client";

import { debounce, type Nullable, useQueryStates, type Values } from "nuqs";
import type { FleetFacets } from "@/lib/contracts/fleet";
import { ARCHITECTURES, type DELETED_FILTERS } from "@/lib/contracts/functions-query";
import { FUNCTION_STATES, PACKAGE_TYPES } from "@/lib/url-state/fields";
import { functionsView } from "@/lib/url-state/functions-view";
import { FilterSelect, toOptions } from "../ui/filter-select";

const DELETED_LABELS: Record<(typeof DELETED_FILTERS)[number], string> = {
  exclude: "Current only",
  include: "Current and deleted",
  only: "Deleted only",
};

type FilterPatch = Partial<Nullable<Values<typeof functionsView.parsers>>>;

const inputClass =
  "rounded border border-zinc-300 bg-white px-1.5 py-1 text-sm font-normal text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

/** Every filter of the table; any change goes back to the first page. */
export function FunctionsFilters({ facets }: { facets: FleetFacets | undefined }) {
  const [state, set] = useQueryStates(functionsView.parsers);
  const update = (patch: FilterPatch, typing = false) =>
    void set({ ...patch, page: null }, typing ? { limitUrlUpdates: debounce(300) } : undefined);

  return (
    <search className="flex flex-wrap items-end gap-3">
      <label className="flex flex-col gap-0.5 text-xs font-medium text-zinc-600 dark:text-zinc-400">
        Search
        <input
          type="search"
          placeholder="name, image or team"
          defaultValue={state.q ?? ""}
          onChange={(e) => update({ q: e.target.value.trim() || null }, true)}
          className={`w-56 ${inputClass}`}
        />
      </label>
      <FilterSelect
        label="Package type"
        value={state.packageType}
        options={toOptions(PACKAGE_TYPES)}
        onChange={(v) => update({ packageType: v as (typeof PACKAGE_TYPES)[number] | null })}
      />
      <FilterSelect
        label="State"
        value={state.state}
        options={toOptions(FUNCTION_STATES)}
        onChange={(v) => update({ state: v as (typeof FUNCTION_STATES)[number] | null })}
      />
      <FilterSelect
        label="Account"
        value={state.account}
        options={(facets?.accounts ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.id})` }))}
        onChange={(v) => update({ account: v })}
      />
      <FilterSelect
        label="Region"
        value={state.region}
        options={toOptions(facets?.regions ?? [])}
        onChange={(v) => update({ region: v })}
      />
      <FilterSelect
        label="Team"
        value={state.team}
        options={toOptions(facets?.teams ?? [])}
        onChange={(v) => update({ team: v })}
      />
      <FilterSelect
        label="Architecture"
        value={state.architecture}
        options={toOptions(ARCHITECTURES)}
        onChange={(v) => update({ architecture: v as (typeof ARCHITECTURES)[number] | null })}
      />
      <FilterSelect
        label="Deleted"
        value={state.deleted === "exclude" ? null : state.deleted}
        allLabel={DELETED_LABELS.exclude}
        options={(["include", "only"] as const).map((value) => ({ value, label: DELETED_LABELS[value] }))}
        onChange={(v) => update({ deleted: v as (typeof DELETED_FILTERS)[number] | null })}
      />
      <label className="flex flex-col gap-0.5 text-xs font-medium text-zinc-600 dark:text-zinc-400">
        Idle ≥ days
        <input
          type="number"
          min={0}
          max={3650}
          defaultValue={state.idleMin ?? ""}
          onChange={(e) => update({ idleMin: e.target.value === "" ? null : Number(e.target.value) }, true)}
          className={`w-20 ${inputClass}`}
        />
      </label>
    </search>
  );
}
