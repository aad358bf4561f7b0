// The payload formats ImageFleet sends, as their owners document them: a receiver in the tests
// checks every body it gets against these.
import { z } from "zod";

const url = z.url();
const stringMap = z.record(z.string(), z.string());
const isoTime = z.iso.datetime({ offset: true }).or(z.literal("0001-01-01T00:00:00Z"));

/** Alertmanager webhook payload, version 4 (prometheus.io/docs/alerting/latest/configuration/#webhook_config). */
export const alertmanagerV4 = z.strictObject({
  version: z.literal("4"),
  groupKey: z.string().min(1),
  truncatedAlerts: z.number().int().min(0),
  status: z.enum(["firing", "resolved"]),
  receiver: z.string(),
  groupLabels: stringMap,
  commonLabels: stringMap,
  commonAnnotations: stringMap,
  externalURL: url,
  alerts: z
    .array(
      z.strictObject({
        status: z.enum(["firing", "resolved"]),
        labels: stringMap.refine((labels) => "alertname" in labels, "needs alertname"),
        annotations: stringMap,
        startsAt: isoTime,
        endsAt: isoTime,
        generatorURL: url,
        fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
      }),
    )
    .min(1),
});

const pagerDutyLink = z.strictObject({ href: url, text: z.string().optional() });

/** PagerDuty Events API v2 (developer.pagerduty.com/docs/events-api-v2/trigger-events). */
export const pagerDutyV2 = z.discriminatedUnion("event_action", [
  z.strictObject({
    routing_key: z.string().min(1),
    event_action: z.literal("trigger"),
    dedup_key: z.string().min(1).max(255),
    payload: z.strictObject({
      summary: z.string().min(1).max(1024),
      source: z.string().min(1),
      severity: z.enum(["critical", "error", "warning", "info"]),
      timestamp: z.iso.datetime({ offset: true }).optional(),
      component: z.string().optional(),
      group: z.string().optional(),
      class: z.string().optional(),
      custom_details: z.record(z.string(), z.unknown()).optional(),
    }),
    links: z.array(pagerDutyLink).optional(),
    images: z.array(z.unknown()).optional(),
    client: z.string().optional(),
    client_url: url.optional(),
  }),
  z.strictObject({
    routing_key: z.string().min(1),
    event_action: z.enum(["acknowledge", "resolve"]),
    dedup_key: z.string().min(1).max(255),
  }),
]);

const textObject = z.strictObject({ type: z.enum(["mrkdwn", "plain_text"]), text: z.string().min(1).max(3000) });

/** Slack incoming webhook with Block Kit blocks and the top-level `text` fallback. */
export const slackMessage = z.strictObject({
  text: z.string().min(1),
  blocks: z
    .array(
      z.discriminatedUnion("type", [
        z.strictObject({ type: z.literal("section"), text: textObject }),
        z.strictObject({ type: z.literal("context"), elements: z.array(textObject).min(1).max(10) }),
      ]),
    )
    .min(1)
    .max(50),
});
