"use client";

import { useQueryStates } from "nuqs";
import type { FleetFacets } from "@/lib/contracts/fleet";
import { PACKAGE_TYPES } from "@/lib/url-state/fields";
import { fleetView } from "@/lib/url-state/fleet-view";
import { FilterSelect, toOptions } from "../ui/filter-select";

/** The slice of the fleet the overview's charts and lists cover. */
export function FleetFilters({ facets }: { facets: FleetFacets | undefined }) {
  const [{ account, region, packageType }, set] = useQueryStates(fleetView.parsers);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <FilterSelect
        label="Account"
        value={account}
        options={(facets?.accounts ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.id})` }))}
        onChange={(value) => void set({ account: value })}
      />
      <FilterSelect
        label="Region"
        value={region}
        options={toOptions(facets?.regions ?? [])}
        onChange={(value) => void set({ region: value })}
      />
      <FilterSelect
        label="Package type"
        value={packageType}
        options={toOptions(PACKAGE_TYPES)}
        onChange={(value) => void set({ packageType: value as (typeof PACKAGE_TYPES)[number] | null })}
      />
    </div>
  );
}
