import { NextResponse } from "next/server";
import { createSilenceBody, readBody } from "@/lib/alerts/requests";
import { createSilence } from "@/lib/alerts/silences";
import { silencePresetEnd } from "@/lib/analysis/alerts/silence";
import { ApiError, route } from "@/lib/api/errors";
import { actorName } from "@/lib/auth/actor";
import { accountScope } from "@/lib/auth/scope";
import { requestScope, requireRole } from "@/lib/auth/session";
import { appConfig } from "@/lib/config/load";
import { listSilences } from "@/lib/db/queries/silences";

export const dynamic = "force-dynamic";

export const GET = route(async () => NextResponse.json(await listSilences({ scope: await requestScope() })));

/**
 * Makes silences: one from `matchers`, or one per group in `groupKeys` (a group, or a selection
 * of groups, silenced together). Ends at `until` or at a preset: 1h, tomorrow-9 (09:00 in the
 * report time zone), 1w.
 */
export const POST = route(async (request: Request) => {
  const session = await requireRole("admin");
  const now = new Date();
  const body = await readBody(request, createSilenceBody(now));
  const endsAt = body.until
    ? new Date(body.until)
    : silencePresetEnd(body.preset!, now, appConfig().config.reports.timeZone);
  const targets = body.groupKeys ? body.groupKeys.map((groupKey) => ({ groupKey })) : [body.matchers!];
  const options = { endsAt, note: body.note, by: actorName(session), now, scope: accountScope(session) };
  const created = [];
  for (const matchers of targets) {
    const result = await createSilence({ ...options, matchers });
    if (result.kind === "out-of-scope")
      throw new ApiError("forbidden", "You may only silence alerts of your accounts or teams");
    if (result.kind === "ok") created.push({ id: result.id, silenced: result.matched });
  }
  return NextResponse.json({ silences: created, endsAt: endsAt.toISOString() }, { status: 201 });
});
