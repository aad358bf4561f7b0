import { z } from "zod";
import { DAY_MS } from "@/lib/analysis/time";
import { ApiError } from "@/lib/api/errors";
import { isoDateTimeField, NO_CONTROL_CHARACTERS } from "@/lib/url-state/fields";

const MAX_SILENCE_DAYS = 90;

/** Any printable string may be looked up: one that is no alert's id is a 404, not a 400. */
export const alertIdParams = z.object({
  id: z.string().min(1).max(100).regex(NO_CONTROL_CHARACTERS, "must not contain control characters"),
});

/** Nothing to say: who acknowledged is the session's user (lib/auth/actor.ts), never a name sent along. */
export const acknowledgeBody = z.strictObject({});

/** `until` in the future and at most 90 days ahead, or null to lift a silence. */
export function silenceBody(now: Date) {
  return z.strictObject({
    until: isoDateTimeField
      .nullable()
      .refine((value) => value === null || Date.parse(value) > now.getTime(), "must be in the future")
      .refine(
        (value) => value === null || Date.parse(value) <= now.getTime() + MAX_SILENCE_DAYS * DAY_MS,
        `must be at most ${MAX_SILENCE_DAYS} days ahead`,
      ),
  });
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
