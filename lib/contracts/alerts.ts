import { z } from "zod";
import type { EvidenceValue, Severity } from "@/lib/analysis/rules/finding";

const severity = z.enum(["info", "warning", "critical"]);

/** One event of an alert's timeline, as stored with the alert and shown on its page. */
export const timelineEventSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("opened"), at: z.string(), severity }),
  z.object({ kind: z.enum(["escalated", "lowered"]), at: z.string(), from: severity, to: severity }),
  z.object({ kind: z.literal("acknowledged"), at: z.string(), by: z.string().nullable() }),
  z.object({ kind: z.literal("silenced"), at: z.string(), until: z.string() }),
  z.object({ kind: z.literal("unsilenced"), at: z.string() }),
  z.object({ kind: z.literal("resolved"), at: z.string() }),
]);
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export interface AlertFunction {
  /** Null once the function row is gone. */
  id: string | null;
  accountId: string;
  accountName: string | null;
  region: string;
  name: string | null;
  team: string | null;
  /** Its observed state now. */
  state: string | null;
}

export interface AlertSummary {
  id: string;
  rule: string;
  severity: Severity;
  state: "open" | "acknowledged" | "resolved";
  silenced: boolean;
  title: string;
  reason: string;
  function: AlertFunction;
  openedAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  acknowledgedAt: string | null;
  silencedUntil: string | null;
  permalink: string;
}

export interface AlertList {
  alerts: AlertSummary[];
  total: number;
  page: number;
  pageSize: number;
  facets: { accounts: { id: string; name: string | null }[]; teams: string[] };
}

export interface AlertNotificationStatus {
  channel: string;
  event: string;
  status: string;
  attempts: number;
  sentAt: string | null;
  lastError: string | null;
}

export interface AlertDetail extends AlertSummary {
  acknowledgedBy: string | null;
  /** The function's log group, for the Logs Insights link; null once the function is gone. */
  logGroup: string | null;
  evidence: Record<string, EvidenceValue>;
  timeline: TimelineEvent[];
  notifications: AlertNotificationStatus[];
  /** The function page with the window around the alert; null when the function is gone. */
  functionPage: string | null;
}

/** The active alerts of one function, for its badges. */
export interface FunctionAlerts {
  count: number;
  /** The highest severity among them. */
  severity: Severity;
  alerts: { id: string; rule: string; severity: Severity; title: string }[];
}

export interface AlertCounts {
  active: number;
  acknowledged: number;
  bySeverity: Record<Severity, number>;
}
