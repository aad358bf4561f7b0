import { NextResponse } from "next/server";
import { acknowledgeAlerts } from "@/lib/alerts/actions";
import { bulkAcknowledgeBody, readBody } from "@/lib/alerts/requests";
import { route } from "@/lib/api/errors";
import { actorName } from "@/lib/auth/actor";
import { accountScope } from "@/lib/auth/scope";
import { requireRole } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Acknowledges a selection of alerts and whole groups at once. */
export const POST = route(async (request: Request) => {
  const session = await requireRole("admin");
  const { ids, groupKeys, note } = await readBody(request, bulkAcknowledgeBody);
  const acknowledged = await acknowledgeAlerts(
    { ids, groupKeys },
    { by: actorName(session), note, scope: accountScope(session) },
  );
  return NextResponse.json({ acknowledged });
});
