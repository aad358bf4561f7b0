"use client";

import { type Nullable, useQueryStates, type Values } from "nuqs";
import { RULE_IDS, RULE_LABELS } from "@/lib/alerts/rules";
import { alertsView } from "@/lib/alerts/view";
import type { AlertList } from "@/lib/contracts/alerts";
import { SEVERITIES, STATE_FILTERS } from "@/lib/contracts/alerts-query";
import { FilterSelect, toOptions } from "../ui/filter-select";

type FilterPatch = Partial<Nullable<Values<typeof alertsView.parsers>>>;

/** The list's filters, kept in the URL; any change goes back to the first page. */
export function AlertFilters({ facets }: { facets: AlertList["facets"] | undefined }) {
  const [state, set] = useQueryStates(alertsView.parsers);
  const update = (patch: FilterPatch) => void set({ ...patch, page: null });
  return (
    <search className="flex flex-wrap items-end gap-3">
      <FilterSelect
        label="State"
        value={state.state === "active" ? null : state.state}
        allLabel="Active"
        options={toOptions(STATE_FILTERS.filter((value) => value !== "active"))}
        onChange={(v) => update({ state: v as (typeof STATE_FILTERS)[number] | null })}
      />
      <FilterSelect
        label="Severity"
        value={state.severity}
        options={toOptions(SEVERITIES)}
        onChange={(v) => update({ severity: v as (typeof SEVERITIES)[number] | null })}
      />
      <FilterSelect
        label="Rule"
        value={state.rule}
        options={RULE_IDS.map((rule) => ({ value: rule, label: RULE_LABELS[rule] }))}
        onChange={(v) => update({ rule: v as (typeof RULE_IDS)[number] | null })}
      />
      <FilterSelect
        label="Account"
        value={state.account}
        options={(facets?.accounts ?? []).map((a) => ({ value: a.id, label: a.name ? `${a.name} (${a.id})` : a.id }))}
        onChange={(v) => update({ account: v })}
      />
      <FilterSelect
        label="Team"
        value={state.team}
        options={toOptions(facets?.teams ?? [])}
        onChange={(v) => update({ team: v })}
      />
    </search>
  );
}
