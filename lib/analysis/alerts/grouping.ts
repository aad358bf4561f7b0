import type { FunctionFacts } from "../rules/facts";
import type { Severity } from "../rules/severity";
import { severityRank } from "./lifecycle";

/** The labels an alert group can be keyed by (`alerts.groupBy`). */
export const GROUP_LABELS = ["rule", "team", "subject", "account", "region", "environment"] as const;
export type GroupLabel = (typeof GROUP_LABELS)[number];

/**
 * Alertmanager-style default: one group per rule, team and what the alerts are about, so a base
 * image release that 40 functions are built on is one group, not 40 alerts.
 */
export const DEFAULT_GROUP_BY: readonly GroupLabel[] = ["rule", "team", "subject"];

export interface AlertLabels {
  rule: string;
  team: string | null;
  accountId: string;
  region: string;
  environment: string | null;
  /** The base image release, else the image repository, else the account and region. */
  subject: string;
}

/** What an alert is about, at the coarsest level that still tells one fix from another. */
export function alertSubject(facts: Pick<FunctionFacts, "identity" | "image" | "imageRepository">): string {
  const lineage = facts.image?.lineage;
  if (lineage?.kind === "matched") return `${lineage.release.repository}:${lineage.release.version}`;
  if (facts.imageRepository) return facts.imageRepository;
  return `${facts.identity.accountId}/${facts.identity.region}`;
}

const value: Record<GroupLabel, (labels: AlertLabels) => string | null> = {
  rule: (labels) => labels.rule,
  team: (labels) => labels.team,
  subject: (labels) => labels.subject,
  account: (labels) => labels.accountId,
  region: (labels) => labels.region,
  environment: (labels) => labels.environment,
};

/** The group's own labels, in `groupBy` order; a missing team or environment is "". */
export function groupLabels(labels: AlertLabels, groupBy: readonly GroupLabel[]): Record<string, string> {
  return Object.fromEntries(groupBy.map((label) => [label, value[label](labels) ?? ""]));
}

/** Stable while the configuration is: the same labels give the same key on every evaluation. */
export function groupKey(labels: AlertLabels, groupBy: readonly GroupLabel[]): string {
  return groupBy.map((label) => `${label}=${encodeURIComponent(value[label](labels) ?? "")}`).join(",");
}

export interface Groupable {
  groupKey: string;
  severity: Severity;
  openedAt: Date;
}

export interface AlertGroup<T extends Groupable> {
  groupKey: string;
  worstSeverity: Severity;
  latestOpenedAt: Date;
  /** Worst first, then newest. */
  members: T[];
}

const bySeverityThenRecency = (
  a: { severity: Severity; openedAt: Date },
  b: { severity: Severity; openedAt: Date },
): number => severityRank(b.severity) - severityRank(a.severity) || b.openedAt.getTime() - a.openedAt.getTime();

/** Groups alerts by key; groups sorted by worst severity, then the newest member. */
export function groupAlerts<T extends Groupable>(alerts: readonly T[]): AlertGroup<T>[] {
  const byKey = new Map<string, T[]>();
  for (const alert of alerts) byKey.set(alert.groupKey, [...(byKey.get(alert.groupKey) ?? []), alert]);
  return [...byKey.entries()]
    .map(([key, members]) => {
      const sorted = members.toSorted(bySeverityThenRecency);
      const latest = Math.max(...members.map((member) => member.openedAt.getTime()));
      return { groupKey: key, worstSeverity: sorted[0]!.severity, latestOpenedAt: new Date(latest), members: sorted };
    })
    .sort(
      (a, b) =>
        bySeverityThenRecency(
          { severity: a.worstSeverity, openedAt: a.latestOpenedAt },
          { severity: b.worstSeverity, openedAt: b.latestOpenedAt },
        ) || a.groupKey.localeCompare(b.groupKey),
    );
}
