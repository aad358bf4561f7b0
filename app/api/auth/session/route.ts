import { NextResponse } from "next/server";
import { parseQuery, route } from "@/lib/api/errors";
import { requireSession } from "@/lib/auth/session";
import { authSettings } from "@/lib/auth/settings";
import { noParamsSchema } from "@/lib/url-state/no-params";

export const dynamic = "force-dynamic";

/** Who am I: the user this request acts for, and whether sign-in is on at all. */
export const GET = route(async (request: Request) => {
  parseQuery(noParamsSchema, new URL(request.url).searchParams);
  const signInEnabled = authSettings() !== null;
  const { sub, name, email, role, accounts, teams, exp } = await requireSession();
  return NextResponse.json({
    signInEnabled,
    user: { sub, name, email, role, accounts, teams },
    expiresAt: signInEnabled ? new Date(exp * 1000).toISOString() : null,
  });
});
