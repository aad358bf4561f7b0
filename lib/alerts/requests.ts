import { z } from "zod";
import { SILENCE_PRESETS } from "@/lib/analysis/alerts/silence";
import { RULE_IDS } from "@/lib/analysis/rules/registry";
import { DAY_MS } from "@/lib/analysis/time";
import { ApiError } from "@/lib/api/errors";
import {
  accountIdField,
  isoDateTimeField,
  NO_CONTROL_CHARACTERS,
  regionField,
  textField,
} from "@/lib/url-state/fields";

const MAX_SILENCE_DAYS = 90;

/** Any printable string may be looked up: one that is no alert's id is a 404, not a 400. */
export const alertIdParams = z.object({
  id: z.string().min(1).max(100).regex(NO_CONTROL_CHARACTERS, "must not contain control characters"),
});

const noteField = textField(1000);

/** Who acknowledged is the session's user (lib/auth/actor.ts), never a name sent along. */
export const acknowledgeBody = z.strictObject({ note: noteField.optional() });

/** Acknowledge a selection of alerts and/or whole groups. */
export const bulkAcknowledgeBody = z
  .strictObject({
    ids: z.array(z.string().min(1).max(100)).max(1000).default([]),
    groupKeys: z.array(z.string().min(1).max(2000)).max(200).default([]),
    note: noteField.optional(),
  })
  .refine((body) => body.ids.length + body.groupKeys.length > 0, "must name alerts or groups");

function untilField(now: Date) {
  return isoDateTimeField
    .refine((value) => Date.parse(value) > now.getTime(), "must be in the future")
    .refine(
      (value) => Date.parse(value) <= now.getTime() + MAX_SILENCE_DAYS * DAY_MS,
      `must be at most ${MAX_SILENCE_DAYS} days ahead`,
    );
}

/** `until` in the future and at most 90 days ahead, or null to lift a silence. */
export function silenceBody(now: Date) {
  return z.strictObject({ until: untilField(now).nullable(), note: noteField.optional() });
}

const matcherValue = textField(200).refine((value) => value.trim() !== "", "must not be empty");

/**
 * Silences: one from `matchers` (at least one), or one per group in `groupKeys` (a group, or a
 * selection of groups, silenced together); an end (a time or a preset) and a note saying why.
 */
export function createSilenceBody(now: Date) {
  return z
    .strictObject({
      matchers: z
        .strictObject({
          rule: z.enum(RULE_IDS).optional(),
          team: matcherValue.optional(),
          accountId: accountIdField.optional(),
          region: regionField.optional(),
          environment: matcherValue.optional(),
          functionPattern: matcherValue.optional(),
          groupKey: textField(2000).optional(),
        })
        .refine((m) => Object.values(m).some((value) => value !== undefined), "must have at least one matcher")
        .optional(),
      groupKeys: z.array(z.string().min(1).max(2000)).min(1).max(200).optional(),
      until: untilField(now).optional(),
      preset: z.enum(SILENCE_PRESETS).optional(),
      note: noteField.refine((value) => value.trim() !== "", "must say why"),
    })
    .refine(
      (body) => (body.matchers === undefined) !== (body.groupKeys === undefined),
      "give either matchers or groupKeys",
    )
    .refine((body) => (body.until === undefined) !== (body.preset === undefined), "give either until or preset");
}

/** A POST body validated by `schema`; an empty body counts as `{}`. */
export async function readBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const text = await request.text();
  let value: unknown = {};
  if (text.trim() !== "") {
    try {
      value = JSON.parse(text);
    } catch {
      throw new ApiError("bad_request", "The request body is not valid JSON");
    }
  }
  return schema.parse(value);
}

/** The second argument of the `/api/alerts/[id]/…` route handlers. */
export type AlertRouteContext = { params: Promise<{ id: string }> };
