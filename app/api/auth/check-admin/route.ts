import { route } from "@/lib/api/errors";
import { requireRole } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** 204 when the caller may change things (acknowledge alerts, trigger collection…), else 401/403. */
export const POST = route(async () => {
  await requireRole("admin");
  return new Response(null, { status: 204 });
});
