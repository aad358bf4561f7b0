import { createColumnHelper } from "@tanstack/react-table";
import { WarningBadges } from "@/components/alerts/warning-badges";
import type { FunctionRow } from "@/lib/contracts/functions";
import type { FunctionSort } from "@/lib/contracts/functions-query";
import { FunctionLink } from "../function/function-link";
import { DeletedBadge, idleLevelClass, PackageTypeBadge, StateBadge } from "../ui/badges";
import { formatCount, formatDate, formatDays, formatMs, formatPercent, shortDigest } from "../ui/format";

const column = createColumnHelper<FunctionRow>();
const muted = "text-xs text-zinc-500 dark:text-zinc-400";

/** Column id → the server-side sort it stands for (columns without one are not sortable). */
export const COLUMN_SORTS: Partial<Record<string, FunctionSort>> = {
  name: "name",
  packageType: "packageType",
  state: "state",
  account: "account",
  region: "region",
  team: "team",
  architecture: "architecture",
  memory: "memory",
  lastInvoked: "lastInvoked",
  coldStarts: "coldStarts",
  coldStartRate: "coldStartRate",
  initP95: "initP95",
  imageAge: "imagePushedAt",
};

export function functionColumns(windowSearch: string, now: number) {
  return [
    column.display({
      id: "name",
      header: "Function",
      cell: ({ row: { original: f } }) => (
        <span className="flex items-center gap-1.5">
          <FunctionLink fn={f} search={windowSearch} />
          {f.deletedAt ? <DeletedBadge /> : null}
          <WarningBadges alerts={f.alerts} max={2} />
        </span>
      ),
    }),
    column.display({
      id: "packageType",
      header: "Type",
      cell: ({ row: { original: f } }) => <PackageTypeBadge packageType={f.packageType} />,
    }),
    column.display({
      id: "state",
      header: "State",
      cell: ({ row: { original: f } }) => (
        <StateBadge state={f.state} reasonCode={f.stateReasonCode} reason={f.stateReason} />
      ),
    }),
    column.display({
      id: "account",
      header: "Account",
      cell: ({ row: { original: f } }) => (
        <span className="flex flex-col">
          {f.accountName}
          <span className={`font-mono ${muted}`}>{f.accountId}</span>
        </span>
      ),
    }),
    column.display({ id: "region", header: "Region", cell: ({ row }) => row.original.region }),
    column.display({ id: "team", header: "Team", cell: ({ row }) => row.original.team ?? "—" }),
    column.display({
      id: "image",
      header: "Image",
      cell: ({ row: { original: f } }) =>
        f.imageRepository ? (
          <span className="flex flex-col">
            <span className="font-mono text-xs">
              {f.imageRepository}:{f.imageTag ?? "—"}
            </span>
            <span className={`font-mono ${muted}`} title={f.imageDigest ?? undefined}>
              {shortDigest(f.imageDigest)}
            </span>
          </span>
        ) : (
          <span className={muted}>{f.runtime ?? "—"}</span>
        ),
    }),
    column.display({ id: "architecture", header: "Arch", cell: ({ row }) => row.original.architecture }),
    column.display({ id: "memory", header: "Memory", cell: ({ row }) => `${formatCount(row.original.memoryMb)} MB` }),
    column.display({
      id: "lastInvoked",
      header: "Last invoked",
      cell: ({ row: { original: f } }) => (
        <span className="flex flex-col">
          {formatDate(f.lastInvokedAt)}
          <span className={`text-xs ${idleLevelClass(f.idleLevel)}`}>
            {f.idleSinceUnknown ? "≥ " : ""}
            {formatDays(f.idleDays)} idle
          </span>
        </span>
      ),
    }),
    column.display({
      id: "coldStarts",
      header: "Cold starts",
      cell: ({ row }) => formatCount(row.original.coldStarts),
    }),
    column.display({
      id: "coldStartRate",
      header: "Rate",
      cell: ({ row }) => formatPercent(row.original.coldStartRate),
    }),
    column.display({ id: "initP95", header: "Init p95", cell: ({ row }) => formatMs(row.original.initP95Ms) }),
    column.display({
      id: "imageAge",
      header: "Image age",
      cell: ({ row: { original: f } }) =>
        f.imagePushedAt ? (
          <span title={`pushed ${formatDate(f.imagePushedAt)}`}>
            {formatDays((now - Date.parse(f.imagePushedAt)) / 86_400_000)}
          </span>
        ) : (
          "—"
        ),
    }),
  ];
}

export const NUMERIC_COLUMNS = new Set(["memory", "coldStarts", "coldStartRate", "initP95", "imageAge"]);
