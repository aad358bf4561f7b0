// What an alert row stores beside its columns, in its `evidence` JSON column: the evidence of the
// latest finding and the alert's own timeline (the schema has no table for alert events).
import { z } from "zod";
import type { EvidenceValue, Severity } from "@/lib/analysis/rules/finding";
import { type TimelineEvent, timelineEventSchema } from "@/lib/contracts/alerts";
import { parseJsonColumn } from "./queries/json-column";

const evidenceValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const recordSchema = z
  .object({
    evidence: z.record(z.string(), evidenceValue).catch({}),
    timeline: z.array(timelineEventSchema).catch([]),
  })
  .catch({ evidence: {}, timeline: [] });

export interface AlertRecord {
  evidence: Record<string, EvidenceValue>;
  timeline: TimelineEvent[];
}

/** Escalations can flap: keep the opening event and the latest ones, so a row stays small. */
export const MAX_TIMELINE_EVENTS = 50;

export function readAlertRecord(text: string | null): AlertRecord {
  return parseJsonColumn(recordSchema, text);
}

export function writeAlertRecord(record: AlertRecord): string {
  return JSON.stringify(record);
}

export function withEvents(record: AlertRecord, ...events: TimelineEvent[]): AlertRecord {
  const timeline = [...record.timeline, ...events];
  const kept =
    timeline.length <= MAX_TIMELINE_EVENTS ? timeline : [timeline[0]!, ...timeline.slice(-(MAX_TIMELINE_EVENTS - 1))];
  return { ...record, timeline: kept };
}

export function severityChangeEvent(
  at: Date,
  from: Severity,
  to: Severity,
  kind: "escalated" | "lowered",
): TimelineEvent {
  return { kind, at: at.toISOString(), from, to };
}
