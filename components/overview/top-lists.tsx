import type { ReactNode } from "react";
import type { FleetTopLists } from "@/lib/contracts/fleet";
import type { FunctionRef } from "@/lib/contracts/functions";
import { FunctionLink } from "../function/function-link";
import { idleLevelClass, StateBadge } from "../ui/badges";
import { Card } from "../ui/card";
import { formatCount, formatDate, formatDays, formatPercent, shortDigest } from "../ui/format";
import { RelativeTime } from "../ui/relative-time";

function TopList({ title, empty, children }: { title: string; empty: string; children: ReactNode[] }) {
  return (
    <Card title={title}>
      {children.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{empty}</p>
      ) : (
        <ol className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">{children}</ol>
      )}
    </Card>
  );
}

function Row({ left, right }: { left: ReactNode; right: ReactNode }) {
  return (
    <li className="flex items-baseline justify-between gap-3 py-1.5">
      <span className="min-w-0 truncate">{left}</span>
      <span className="shrink-0 text-right tabular-nums text-zinc-600 dark:text-zinc-300">{right}</span>
    </li>
  );
}

/** A function's name linking to its page with the overview's window; its account and region in small print. */
function FunctionName({ fn, search }: { fn: FunctionRef; search: string }) {
  return (
    <>
      <FunctionLink fn={fn} search={search} />
      <span className="ml-1.5 text-xs text-zinc-500 dark:text-zinc-400">
        {fn.accountName} · {fn.region}
      </span>
    </>
  );
}

/** The overview's four lists; function links carry the overview's time window. */
export function TopLists({ top, search }: { top: FleetTopLists; search: string }) {
  return (
    <div className="grid gap-3 lg:grid-cols-2 2xl:grid-cols-4">
      <TopList title="Most cold starts" empty="No cold starts in this window.">
        {top.mostColdStarts.map((t) => (
          <Row
            key={t.fn.id}
            left={<FunctionName fn={t.fn} search={search} />}
            right={`${formatCount(t.coldStarts)} · ${formatPercent(t.coldStartRate)}`}
          />
        ))}
      </TopList>
      <TopList title={`Closest to the idle threshold (${top.idleThresholdDays} d)`} empty="No active functions.">
        {top.closestToIdle.map((t) => (
          <Row
            key={t.fn.id}
            left={<FunctionName fn={t.fn} search={search} />}
            right={
              <span
                className={idleLevelClass(t.level)}
                title={
                  t.predictedInactiveAt ? `threshold on ${formatDate(t.predictedInactiveAt)}` : "past the threshold"
                }
              >
                {t.idleSinceUnknown ? "≥ " : ""}
                {formatDays(t.idleDays)} idle
              </span>
            }
          />
        ))}
      </TopList>
      <TopList title="Most stale images" empty="No image details collected yet.">
        {top.staleImages.map((image) => (
          <Row
            key={image.digest}
            left={
              <>
                <span className="font-mono text-xs">
                  {image.repository}:{image.tag ?? shortDigest(image.digest)}
                </span>
                <span className="ml-1.5 text-xs text-zinc-500 dark:text-zinc-400">
                  <FunctionLink fn={image.example} search={search} />
                  {image.functions > 1 ? ` +${image.functions - 1}` : ""}
                </span>
              </>
            }
            right={<span title={`pushed ${formatDate(image.pushedAt)}`}>{formatDays(image.ageDays)} old</span>}
          />
        ))}
      </TopList>
      <TopList title="Failed functions" empty="No function is Failed.">
        {top.failed.map((f) => (
          <Row
            key={f.fn.id}
            left={<FunctionName fn={f.fn} search={search} />}
            right={
              <span className="flex items-center gap-2">
                <StateBadge state="Failed" reasonCode={f.fn.stateReasonCode} reason={f.reason} />
                {f.since ? <RelativeTime iso={f.since} /> : null}
              </span>
            }
          />
        ))}
      </TopList>
    </div>
  );
}
