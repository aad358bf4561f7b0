import { NextResponse } from "next/server";
import { route } from "@/lib/api/errors";
import { readHealth } from "@/lib/db/queries/health";
import pkg from "@/package.json";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  const health = await readHealth(pkg.version);
  return NextResponse.json(health, { status: health.status === "ok" ? 200 : 503 });
});
