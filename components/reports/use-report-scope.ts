"use client";

import { useQueryStates } from "nuqs";
import { reportScopeView } from "@/lib/reports/url-state";
import { canonicalSearch } from "@/lib/url-state/view";

/** The team the reports are filtered to, kept in the URL (`?team=`), and its canonical query string. */
export function useReportScope() {
  const [values, setValues] = useQueryStates(reportScopeView.parsers);
  return {
    team: values.team,
    search: canonicalSearch(reportScopeView.parsers, values),
    setTeam: (team: string | null) => void setValues({ team }),
  };
}
