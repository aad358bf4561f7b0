import type { AlertChannelConfig } from "@/lib/config/schema";

/** What the outbox stores for one notification, as far as posting it is concerned. */
export interface OutboxMessage {
  channel: string;
  event: string;
  payload: string;
}

export interface ChannelRequest {
  url: string;
  init: Pick<RequestInit, "method" | "headers" | "body">;
}

/**
 * The HTTP request that delivers one outbox row to its channel: the one place that knows how a
 * channel type is posted to (the payload was rendered in the channel's format when queued).
 */
export function channelRequest(channel: AlertChannelConfig, message: OutboxMessage): ChannelRequest {
  return {
    url: channel.url,
    init: {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: requestBody(channel, message.payload),
    },
  };
}

/**
 * PagerDuty wants its integration key in the body; it is a credential, so the stored message
 * lacks it and it is added here, from the configuration.
 */
function requestBody(channel: AlertChannelConfig, payload: string): string {
  if (channel.type !== "pagerduty" || channel.routingKey === undefined) return payload;
  return JSON.stringify({ routing_key: channel.routingKey, ...(JSON.parse(payload) as object) });
}
