"use client";
import type { MetricRow } from "@/lib/analysis/report/metrics";
import type { ListFigure, ReportFunctionRef } from "@/lib/analysis/report/types";
import { reportActions } from "@/lib/reports/actions";
import type { ReportView } from "@/lib/reports/view";
import { formatCount, formatDate, formatDateTime, formatMs, formatPercent, shortDigest } from "../ui/format";
import { ActionsList } from "./actions-list";
import { DailyColdStartsChart } from "./daily-cold-starts-chart";
import { type Column, EntriesTable, FunctionCell } from "./entries-table";
import { HeadlineTiles } from "./headline-tiles";
import { MetricsTable } from "./metrics-table";
import { ReportSection, SubSection } from "./report-section";
import { StateHoursChart } from "./state-hours-chart";
import { TeamsTable } from "./teams-table";

const fn = { header: "Function", cell: (e: { function: ReportFunctionRef }) => <FunctionCell fn={e.function} /> };
const ref = { header: "Function", cell: (f: ReportFunctionRef) => <FunctionCell fn={f} /> };
const image = { header: "Image", cell: (e: { digest: string }) => <code>{shortDigest(e.digest)}</code> };
const recovered = {
  header: "Recovered",
  cell: (e: { recoveredAt: string | null }) => (e.recoveredAt === null ? "not yet" : formatDateTime(e.recoveredAt)),
};
const since = {
  header: "First at",
  cell: (e: { at: string; episodes: number }) => `${formatDateTime(e.at)}${e.episodes > 1 ? ` (${e.episodes}×)` : ""}`,
};

/** One of the report's lists under its own heading; the table is named after the heading unless `label` says otherwise. */
function ListSection<T extends { function: ReportFunctionRef } | ReportFunctionRef>({
  title,
  label = title,
  list,
  columns,
  empty,
}: {
  title: string;
  label?: string;
  list: ListFigure<T>;
  columns: Column<T>[];
  empty: string;
}) {
  return (
    <SubSection title={title}>
      <EntriesTable label={label} list={list} columns={columns} empty={empty} />
    </SubSection>
  );
}

function of(view: ReportView, section: string): MetricRow[] {
  return view.metrics.filter((row) => row.section === section);
}

/** The whole report, section by section, for reading on screen and on paper. */
export function ReportBody({ view }: { view: ReportView }) {
  const { figures } = view;
  return (
    <div className="space-y-4">
      <ReportSection id="summary" title="Summary">
        <div className="mb-4">
          <SubSection title="Actions">
            <ActionsList actions={reportActions(figures, view)} />
          </SubSection>
        </div>
        <HeadlineTiles metrics={view.metrics} />
        {view.teams.length > 0 ? (
          <SubSection title="By team">
            <TeamsTable week={view.week} teams={view.teams} />
          </SubSection>
        ) : null}
      </ReportSection>

      <ReportSection id="inventory" title="Functions and deploys">
        <MetricsTable label="Inventory metrics" rows={of(view, "inventory")} />
        {figures.inventory.firstCollection ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-300">
            First collection: {formatCount(figures.inventory.firstCollection)} functions found as ImageFleet started
            watching (not counted as new).
          </p>
        ) : null}
        <ListSection title="New functions" list={figures.inventory.created} columns={[ref]} empty="No new functions." />
        <ListSection
          title="Changed (deployed)"
          label="Changed functions"
          list={figures.inventory.changed}
          columns={[ref, { header: "Deploys", numeric: true, cell: (f) => f.deploys }]}
          empty="No deploys to existing functions."
        />
        <ListSection
          title="Deleted"
          label="Deleted functions"
          list={figures.inventory.deleted}
          columns={[ref]}
          empty="No functions deleted."
        />
      </ReportSection>

      <ReportSection id="lifecycle" title="Lifecycle">
        {figures.inventory.statesAtEnd ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-300">
            Now (at the report's end):{" "}
            {["Active", "Pending", "Inactive", "Failed"]
              .map((state) => `${state} ${formatCount(figures.inventory.statesAtEnd[state] ?? 0)}`)
              .join(" · ")}
          </p>
        ) : null}
        <StateHoursChart stateMs={figures.lifecycle.stateMs} />
        <MetricsTable label="Lifecycle metrics" rows={of(view, "lifecycle")} />
        <ListSection
          title="Went Inactive"
          list={figures.lifecycle.wentInactive}
          columns={[fn, since, recovered]}
          empty="No function went Inactive."
        />
        <ListSection
          title="Went Failed"
          list={figures.lifecycle.wentFailed}
          columns={[fn, since, recovered]}
          empty="No function went Failed."
        />
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
        <ListSection
          title="Top regressions"
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
      </ReportSection>

      <ReportSection id="images" title="Images">
        <MetricsTable label="Image metrics" rows={of(view, "images")} />
        <ListSection
          title="Behind on base image"
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
        <ListSection
          title="Deprecated runtimes"
          list={figures.images.deprecatedRuntimes}
          columns={[
            fn,
            { header: "Runtime", cell: (e) => e.runtime },
            { header: "Deprecated", cell: (e) => `${e.deprecated ? "since" : "on"} ${e.deprecatedOn}` },
          ]}
          empty="No function depends on a deprecated runtime."
        />
        <ListSection
          title="Critical findings"
          list={figures.images.criticalFindings}
          columns={[
            fn,
            image,
            { header: "Critical", numeric: true, cell: (e) => e.critical },
            { header: "High", numeric: true, cell: (e) => e.high },
          ]}
          empty="No deployed image has critical findings."
        />
        {figures.images.expiring ? (
          <ListSection
            title="Images a lifecycle rule will expire"
            list={figures.images.expiring}
            columns={[
              fn,
              image,
              { header: "Rule", cell: (e) => `${e.rulePriority} (${e.rule})` },
              { header: "Expires", cell: (e) => e.when },
              { header: "Severity", cell: (e) => e.severity },
            ]}
            empty="No lifecycle rule will expire a deployed image soon."
          />
        ) : null}
        <ListSection
          title="Oldest images"
          list={{ ...figures.images.oldest, items: figures.images.oldest.items.slice(0, 10) }}
          columns={[
            fn,
            image,
            { header: "Pushed", cell: (e) => formatDate(e.pushedAt) },
            { header: "Age", numeric: true, cell: (e) => `${e.ageDays} d` },
          ]}
          empty="No image push dates known."
        />
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
