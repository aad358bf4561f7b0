import "server-only";
import { NextResponse } from "next/server";
import type { AccountScope } from "@/lib/analysis/scope";
import { ApiError, notFound } from "@/lib/api/errors";
import { getAlert } from "@/lib/db/queries/alerts";
import type { ActionResult } from "./actions";

/** What a state-change route answers: the alert as it is now, or why the change was refused. */
export async function actionResponse(id: string, result: ActionResult, scope: AccountScope): Promise<NextResponse> {
  if (result === "resolved") throw new ApiError("bad_request", `Alert ${id} is resolved: there is nothing to change`);
  const alert = result === "ok" ? await getAlert(id, { scope }) : null;
  if (!alert) throw notFound(`Alert ${id}`);
  return NextResponse.json(alert);
}
