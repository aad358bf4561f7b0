import { NextResponse } from "next/server";
import { route } from "@/lib/api/errors";
import { appConfig } from "@/lib/config/load";
import { readHealth } from "@/lib/db/queries/health";
import { databaseTarget } from "@/lib/db/url";
import pkg from "@/package.json";

export const dynamic = "force-dynamic";

/** `degraded` still answers 200: the server serves; only an unreachable database is a 503. */
export const GET = route(async () => {
  const { intervalSeconds } = appConfig().config.collector;
  const health = await readHealth(pkg.version, undefined, databaseTarget().kind, { intervalSeconds });
  return NextResponse.json(health, { status: health.status === "unavailable" ? 503 : 200 });
});
