import { type PollerFleet, PollerUnderTest, START } from "./polling";
import { sum } from "./stats";
import type { Row } from "./table";

const GIB = 1024 ** 3;
const INTERVAL_MS = 5 * 60_000;

interface CycleCost {
  wallMs: number;
  calls: number;
  callsByOperation: Record<string, number>;
  metricsRequested: number;
}

export interface FirstCollectionResult {
  functions: number;
  scopes: number;
  first: CycleCost & { scannedBytes: number; skippedBytes: number; backfillDone: number; backfillTotal: number };
  /** The next cycle, 5 minutes later: steady state beside the first collection. */
  next: CycleCost;
}

async function costOf(poller: PollerUnderTest, at: Date): Promise<CycleCost> {
  await poller.sim.resetApiCalls();
  poller.proxy.metricsRequested = 0;
  const started = performance.now();
  await poller.cycle(at);
  const wallMs = performance.now() - started;
  const calls = await poller.sim.apiCalls();
  const callsByOperation: Record<string, number> = {};
  for (const c of calls) {
    const api = `${c.service}:${c.operation}`;
    callsByOperation[api] = (callsByOperation[api] ?? 0) + c.calls;
  }
  return {
    wallMs,
    calls: sum(calls.map((c) => c.calls)),
    callsByOperation,
    metricsRequested: poller.proxy.metricsRequested,
  };
}

/**
 * One collection of a fresh database (inventory, states, metrics, cold starts, images, then the
 * history backfill: 30 days of hourly metrics, 7 days of cold starts within the default Insights
 * budget), and the cycle after it, with the simulator's quotas and the collector's pacing off as in
 * the polling part: calls and bytes do not depend on pacing, wall time does.
 */
export async function measureFirstCollection(functions: number, fleet: PollerFleet): Promise<FirstCollectionResult> {
  const poller = await PollerUnderTest.collector(functions, fleet);
  try {
    const first = await costOf(poller, START);
    const runs = await poller.database.db.pollRun.findMany();
    const next = await costOf(poller, new Date(START.getTime() + INTERVAL_MS));
    return {
      functions: await poller.database.db.function.count(),
      scopes: fleet.accounts.length * fleet.regions.length,
      first: {
        ...first,
        scannedBytes: sum(runs.map((r) => r.backfillScannedBytes)),
        skippedBytes: sum(runs.map((r) => r.backfillSkippedBytes)),
        backfillDone: sum(runs.map((r) => r.backfillDone)),
        backfillTotal: sum(runs.map((r) => r.backfillTotal)),
      },
      next,
    };
  } finally {
    await poller.close();
  }
}

export function firstCollectionRows(result: FirstCollectionResult): Row[] {
  const section = `First collection of a fresh database — ${result.functions.toLocaleString("en-US")} functions in ${result.scopes} scopes`;
  const ops = (cost: CycleCost) =>
    Object.entries(cost.callsByOperation)
      .sort(([, a], [, b]) => b - a)
      .map(([api, n]) => `${api} ${n}`)
      .join(", ");
  return [
    {
      section,
      metric: "first collection with history backfill (simulator quotas and pacing off)",
      value: result.first.wallMs / 1000,
      unit: "s",
      note: `backfill ${result.first.backfillDone} of ${result.first.backfillTotal} function histories complete`,
    },
    {
      section,
      metric: "first collection: API calls",
      value: result.first.calls,
      unit: "calls",
      note: ops(result.first),
    },
    {
      section,
      metric: "first collection: CloudWatch metrics requested",
      value: result.first.metricsRequested,
      unit: "metrics",
    },
    {
      section,
      metric: "first collection: Logs Insights scanned (measured; estimate where unreported)",
      value: result.first.scannedBytes / GIB,
      unit: "GiB",
      note: `${(result.first.skippedBytes / GIB).toFixed(2)} GiB left for later runs by the budget`,
    },
    {
      section,
      metric: "next cycle (steady state): wall time",
      value: result.next.wallMs / 1000,
      unit: "s",
    },
    {
      section,
      metric: "next cycle (steady state): API calls",
      value: result.next.calls,
      unit: "calls",
      note: ops(result.next),
    },
  ];
}
