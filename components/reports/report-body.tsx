"use client";

import type { MetricRow } from "@/lib/analysis/report/metrics";
import type { FunctionRef } from "@/lib/analysis/report/types";
import type { ReportView } from "@/lib/reports/view";
import { formatDate, formatDateTime, formatMs, formatPercent, shortDigest } from "../ui/format";
import { DailyColdStartsChart } from "./daily-cold-starts-chart";
import { EntriesTable, FunctionCell } from "./entries-table";
import { HeadlineTiles } from "./headline-tiles";
import { MetricsTable } from "./metrics-table";
import { ReportSection, SubSection } from "./report-section";
import { StateHoursChart } from "./state-hours-chart";
import { TeamsTable } from "./teams-table";

const fn = { header: "Function", cell: (e: { function: FunctionRef }) => <FunctionCell fn={e.function} /> };
const ref = { header: "Function", cell: (f: FunctionRef) => <FunctionCell fn={f} /> };
const recovered = {
  header: "Recovered",
  cell: (e: { recoveredAt: string | null }) => (e.recoveredAt === null ? "not yet" : formatDateTime(e.recoveredAt)),
};
const since = {
  header: "First at",
  cell: (e: { at: string; episodes: number }) => `${formatDateTime(e.at)}${e.episodes > 1 ? ` (${e.episodes}×)` : ""}`,
};

function of(view: ReportView, section: string): MetricRow[] {
  return view.metrics.filter((row) => row.section === section);
}

/** The whole report, section by section, for reading on screen and on paper. */
export function ReportBody({ view }: { view: ReportView }) {
  const { figures } = view;
  return (
    <div className="space-y-4">
      <ReportSection id="summary" title="Summary">
        <HeadlineTiles metrics={view.metrics} />
        {view.teams.length > 0 ? (
          <SubSection title="By team">
            <TeamsTable week={view.week} teams={view.teams} />
          </SubSection>
        ) : null}
      </ReportSection>

      <ReportSection id="inventory" title="Functions and deploys">
        <MetricsTable label="Inventory metrics" rows={of(view, "inventory")} />
        <SubSection title="New functions">
          <EntriesTable
            label="New functions"
            list={figures.inventory.created}
            columns={[ref]}
            empty="No new functions."
          />
        </SubSection>
        <SubSection title="Changed (deployed)">
          <EntriesTable
            label="Changed functions"
            list={figures.inventory.changed}
            columns={[ref, { header: "Deploys", numeric: true, cell: (f) => f.deploys }]}
            empty="No deploys to existing functions."
          />
        </SubSection>
        <SubSection title="Deleted">
          <EntriesTable
            label="Deleted functions"
            list={figures.inventory.deleted}
            columns={[ref]}
            empty="No functions deleted."
          />
        </SubSection>
      </ReportSection>

      <ReportSection id="lifecycle" title="Lifecycle">
        <StateHoursChart stateMs={figures.lifecycle.stateMs} />
        <MetricsTable label="Lifecycle metrics" rows={of(view, "lifecycle")} />
        <SubSection title="Went Inactive">
          <EntriesTable
            label="Went Inactive"
            list={figures.lifecycle.wentInactive}
            columns={[fn, since, recovered]}
            empty="No function went Inactive."
          />
        </SubSection>
        <SubSection title="Went Failed">
          <EntriesTable
            label="Went Failed"
            list={figures.lifecycle.wentFailed}
            columns={[fn, since, recovered]}
            empty="No function went Failed."
          />
        </SubSection>
      </ReportSection>

      <ReportSection id="idle-risk" title="Idle risk for the coming week">
        <EntriesTable
          label="Idle risk"
          list={figures.idleRisk}
          columns={[
            fn,
            { header: "Idle", numeric: true, cell: (e) => `${e.idleDays}${e.idleSinceUnknown ? "+" : ""} d` },
            {
              header: "Predicted Inactive",
              cell: (e) =>
                e.predictedInactiveAt === null ? "past the threshold" : formatDateTime(e.predictedInactiveAt),
            },
          ]}
          empty="No Active function is due to pass the idle threshold before the end of next week."
        />
      </ReportSection>

      <ReportSection id="cold-starts" title="Cold starts">
        <DailyColdStartsChart days={figures.coldStarts.daily} />
        <MetricsTable label="Cold-start metrics" rows={of(view, "coldStarts")} />
        <SubSection title="Top regressions">
          <EntriesTable
            label="Cold-start regressions"
            list={figures.coldStarts.topRegressions}
            columns={[
              fn,
              { header: "Rate", numeric: true, cell: (e) => formatPercent(e.rate, 2) },
              { header: "Baseline rate", numeric: true, cell: (e) => formatPercent(e.baselineRate, 2) },
              { header: "Init p95", numeric: true, cell: (e) => formatMs(e.initP95Ms) },
              { header: "Baseline p95", numeric: true, cell: (e) => formatMs(e.baselineInitP95Ms) },
            ]}
            empty="No cold-start regressions against the previous weeks."
          />
        </SubSection>
      </ReportSection>

      <ReportSection id="images" title="Images">
        <MetricsTable label="Image metrics" rows={of(view, "images")} />
        <SubSection title="Behind on base image">
          <EntriesTable
            label="Behind on base image"
            list={figures.images.behindOnBase}
            columns={[
              fn,
              { header: "Runtime", cell: (e) => e.runtime },
              { header: "Built on", cell: (e) => e.release },
              { header: "Newest", cell: (e) => e.newest },
              { header: "Releases behind", numeric: true, cell: (e) => e.releasesBehind },
              { header: "Newer since", cell: (e) => formatDate(e.newerAvailableSince) },
            ]}
            empty="Every matched image is on the newest base image release."
          />
        </SubSection>
        <SubSection title="Deprecated runtimes">
          <EntriesTable
            label="Deprecated runtimes"
            list={figures.images.deprecatedRuntimes}
            columns={[
              fn,
              { header: "Runtime", cell: (e) => e.runtime },
              { header: "Deprecated", cell: (e) => `${e.deprecated ? "since" : "on"} ${e.deprecatedOn}` },
            ]}
            empty="No function depends on a deprecated runtime."
          />
        </SubSection>
        <SubSection title="Critical findings">
          <EntriesTable
            label="Critical findings"
            list={figures.images.criticalFindings}
            columns={[
              fn,
              { header: "Image", cell: (e) => <code>{shortDigest(e.digest)}</code> },
              { header: "Critical", numeric: true, cell: (e) => e.critical },
              { header: "High", numeric: true, cell: (e) => e.high },
            ]}
            empty="No deployed image has critical findings."
          />
        </SubSection>
        <SubSection title="Oldest images">
          <EntriesTable
            label="Oldest images"
            list={{ ...figures.images.oldest, items: figures.images.oldest.items.slice(0, 10) }}
            columns={[
              fn,
              { header: "Image", cell: (e) => <code>{shortDigest(e.digest)}</code> },
              { header: "Pushed", cell: (e) => formatDate(e.pushedAt) },
              { header: "Age", numeric: true, cell: (e) => `${e.ageDays} d` },
            ]}
            empty="No image push dates known."
          />
        </SubSection>
      </ReportSection>

      <ReportSection id="alerts" title="Alerts">
        <MetricsTable label="Alert metrics" rows={of(view, "alerts")} />
      </ReportSection>

      <ReportSection id="collection" title="Collection health">
        <MetricsTable label="Collection metrics" rows={view.collectionMetrics} />
      </ReportSection>
    </div>
  );
}
