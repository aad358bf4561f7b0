import type { LambdaClient } from "@aws-sdk/client-lambda";
import pLimit from "p-limit";
import { isInIdleRiskWindow } from "@/lib/analysis/idle";
import { needsStateRead, type StateReadReason } from "@/lib/analysis/state-reads";
import { type GetFunctionResult, getFunction } from "@/lib/aws/lambda";
import type { ImageFleetConfig } from "@/lib/config/schema";
import type { StoredFunction } from "@/lib/db/queries/stored-functions";
import type { Inventory } from "./inventory";
import type { PollErrors } from "./poll-errors";

/** GetFunction calls in flight per unit; the token bucket sets the actual rate. */
const GET_FUNCTION_CONCURRENCY = 16;

/** Which listed functions need GetFunction this cycle, and why (lib/analysis/state-reads). */
export function selectStateReads(
  inventory: Inventory,
  liveRows: ReadonlyMap<string, StoredFunction>,
  now: Date,
  config: Pick<ImageFleetConfig, "collector" | "idle">,
): Map<string, StateReadReason> {
  const selected = new Map<string, StateReadReason>();
  for (const fn of inventory.listed) {
    const row = inventory.created.has(fn.name) ? null : (liveRows.get(fn.name) ?? null);
    const reason = needsStateRead({
      functionId: fn.arn,
      now,
      lastStateReadAt: row?.stateReadAt ?? null,
      sweepIntervalMs: config.collector.stateSweepMinutes * 60_000,
      isNew: row === null,
      isChanged: inventory.changed.has(fn.name),
      lastState: row?.state ?? null,
      inIdleRiskWindow:
        row !== null &&
        isInIdleRiskWindow({ lastInvokedAt: row.lastInvokedAt, firstSeenAt: row.firstSeenAt, now, ...config.idle }),
    });
    if (reason) selected.set(fn.name, reason);
  }
  return selected;
}

/** GetFunction for each name; a failure (or a malformed answer) fails that function only. */
export async function readStates(
  lambda: LambdaClient,
  names: Iterable<string>,
  errors: PollErrors,
  signal?: AbortSignal,
): Promise<Map<string, GetFunctionResult>> {
  const limit = pLimit(GET_FUNCTION_CONCURRENCY);
  const details = new Map<string, GetFunctionResult>();
  await Promise.all(
    [...names].map((name) =>
      limit(async () => {
        try {
          details.set(name, await getFunction(lambda, name, signal));
        } catch (error) {
          if (signal?.aborted) throw error;
          errors.record("lambda:GetFunction", error, name);
        }
      }),
    ),
  );
  return details;
}
