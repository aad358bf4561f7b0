"use client";

import { UNOWNED_TEAM } from "@/lib/analysis/report-figures";
import { FilterSelect } from "../ui/filter-select";

/** Fleet or one team; teams are owner-tag values, functions without the tag under "unowned". */
export function TeamFilter({
  team,
  teams,
  onChange,
}: {
  team: string | null;
  teams: readonly string[];
  onChange: (team: string | null) => void;
}) {
  const options = teams.map((value) => ({ value, label: value === UNOWNED_TEAM ? "unowned (no owner tag)" : value }));
  return <FilterSelect label="Team" value={team} options={options} onChange={onChange} allLabel="Whole fleet" />;
}
