import type { AlertChannelConfig } from "@/lib/config/schema";

/**
 * The HTTP body posted for a stored message. PagerDuty wants its integration key in the body; it
 * is a credential, so the stored message lacks it and it is added here, from the configuration.
 */
export function requestBody(channel: AlertChannelConfig, payload: string): string {
  if (channel.type !== "pagerduty" || channel.routingKey === undefined) return payload;
  return JSON.stringify({ routing_key: channel.routingKey, ...(JSON.parse(payload) as object) });
}
