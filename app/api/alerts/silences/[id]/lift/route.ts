import { NextResponse } from "next/server";
import { alertIdParams } from "@/lib/alerts/requests";
import { liftSilence } from "@/lib/alerts/silences";
import { notFound, route } from "@/lib/api/errors";
import { actorName } from "@/lib/auth/actor";
import { accountScope } from "@/lib/auth/scope";
import { requireRole } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Ends a silence now; it stays in the history as lifted, by whom. */
export const POST = route(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const session = await requireRole("admin");
  const { id } = alertIdParams.parse(await context.params);
  const result = await liftSilence(id, { by: actorName(session), scope: accountScope(session) });
  if (result === "not-found") throw notFound(`Silence ${id}`);
  return NextResponse.json({ lifted: id });
});
