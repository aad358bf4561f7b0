import { type CollectorUnderTest, type NaiveUnderTest, type PollerFleet, PollerUnderTest, START } from "./polling";
import { quantile, sum } from "./stats";
import type { Row } from "./table";

const INTERVAL_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Transitions on functions the collector reads every cycle: going idle, and waking up from Inactive. */
const AT_RISK_CAUSES = new Set(["idle", "restored"]);

export interface ComparisonOptions {
  /** Fleet-wide simulator size for the call-rate run; only `rateFleet` scopes are polled. */
  rateFunctions: number;
  rateHours: number;
  /** Fleet-wide simulator size for the detection run (every account × region). */
  detectFunctions: number;
  detectDays: number;
}

const RATE_FLEET: PollerFleet = { accounts: ["333333333333"], regions: ["eu-west-1"] };
const RATE_FLEET_FILTER = { accountId: RATE_FLEET.accounts[0], region: RATE_FLEET.regions[0] };
const WHOLE_FLEET: PollerFleet = {
  accounts: ["111111111111", "222222222222", "333333333333", "444444444444", "555555555555"],
  regions: ["us-east-1", "eu-west-1", "ap-southeast-2"],
};

interface Rates {
  functions: number;
  /** 5-minute cycles counted, after the warm-up cycle. */
  cycles: number;
  callsPerFunctionHour: number;
  metricsPerFunctionDay: number;
  callsByOperation: Record<string, number>;
}

/**
 * The naive poller makes the same calls every cycle (the listing, then GetFunction and six metric
 * requests per function), so a few cycles give its hourly rate; the collector's calls vary from
 * cycle to cycle (state sweep, metrics every 15 minutes) and are counted over the whole run.
 */
const NAIVE_RATE_CYCLES = 2;

/** API calls and metrics requested per function over `cycles` cycles every 5 minutes, after a warm-up cycle. */
async function measureRates(poller: PollerUnderTest, cycles: number): Promise<Rates> {
  await poller.cycle(START);
  await poller.sim.resetApiCalls();
  poller.proxy.metricsRequested = 0;
  for (let k = 1; k <= cycles; k++) await poller.cycle(new Date(START.getTime() + k * INTERVAL_MS));
  const hours = (cycles * INTERVAL_MS) / HOUR_MS;
  const calls = await poller.sim.apiCalls();
  const functions = (await poller.sim.functions(RATE_FLEET_FILTER)).length;
  const callsByOperation: Record<string, number> = {};
  for (const c of calls) {
    const api = `${c.service}:${c.operation}`;
    callsByOperation[api] = (callsByOperation[api] ?? 0) + c.calls;
  }
  return {
    functions,
    cycles,
    callsPerFunctionHour: sum(calls.map((c) => c.calls)) / functions / hours,
    metricsPerFunctionDay: (poller.proxy.metricsRequested / functions / hours) * 24,
    callsByOperation,
  };
}

interface AtRiskTransition {
  functionId: string;
  arn: string;
  at: Date;
  to: string;
  cause: string;
}

/** Every at-risk transition of the fleet in [from, to), from the simulator's ground truth. */
async function atRiskTransitions(poller: PollerUnderTest, from: Date, to: Date): Promise<AtRiskTransition[]> {
  await poller.sim.setClock(to);
  const found: AtRiskTransition[] = [];
  for (const fn of await poller.sim.functions()) {
    for (const t of await poller.sim.transitions(fn.arn, from, to)) {
      if (!AT_RISK_CAUSES.has(t.cause)) continue;
      found.push({
        functionId: `${fn.accountId}:${fn.region}:${fn.name}`,
        arn: fn.arn,
        at: new Date(t.at),
        to: t.to,
        cause: t.cause,
      });
    }
  }
  return found;
}

/** Cycle k runs at START + k × 5 min: two cycles up to each transition and three after it. */
const CYCLES_BEFORE = 2;
const CYCLES_AFTER = 3;

function cycleTimes(transitions: readonly AtRiskTransition[]): Date[] {
  const ks = new Set([0]);
  for (const t of transitions) {
    const last = Math.floor((t.at.getTime() - START.getTime()) / INTERVAL_MS);
    for (let k = last - CYCLES_BEFORE + 1; k <= last + CYCLES_AFTER; k++) if (k > 0) ks.add(k);
  }
  return [...ks].sort((a, b) => a - b).map((k) => new Date(START.getTime() + k * INTERVAL_MS));
}

interface Detections {
  transitions: number;
  naiveMinutes: number[];
  collectorMinutes: number[];
  naiveMissed: number;
  collectorMissed: number;
  cycles: number;
}

/**
 * Time from each at-risk transition to the first cycle that recorded the new state, for both
 * pollers. Quiet stretches between transitions are skipped (cycles run only around them), so the
 * first cycle of each stretch catches up like a collector back from an outage.
 */
async function measureDetection(
  naive: NaiveUnderTest,
  collector: CollectorUnderTest,
  days: number,
): Promise<Detections> {
  const end = new Date(START.getTime() + days * DAY_MS);
  const transitions = await atRiskTransitions(naive, START, end);
  const times = cycleTimes(transitions);
  for (const at of times) await Promise.all([naive.cycle(at), collector.cycle(at)]);

  const intervals = await collector.database.db.stateInterval.findMany({
    where: { functionId: { in: transitions.map((t) => t.functionId) } },
    select: { functionId: true, state: true, from: true },
    orderBy: { from: "asc" },
  });
  const detections = {
    transitions: transitions.length,
    naiveMinutes: [] as number[],
    collectorMinutes: [] as number[],
    naiveMissed: 0,
    collectorMissed: 0,
    cycles: times.length,
  };
  for (const t of transitions) {
    const deadline = t.at.getTime() + (CYCLES_AFTER + 1) * INTERVAL_MS;
    const firstSeen = (seen: { at: Date; state: string }[]) =>
      seen.find((o) => o.state === t.to && o.at >= t.at && o.at.getTime() <= deadline);
    const byNaive = firstSeen(naive.poller.observed.get(t.arn) ?? []);
    const byCollector = firstSeen(
      intervals.filter((i) => i.functionId === t.functionId).map((i) => ({ at: i.from, state: i.state })),
    );
    if (byNaive) detections.naiveMinutes.push((byNaive.at.getTime() - t.at.getTime()) / 60_000);
    else detections.naiveMissed++;
    if (byCollector) detections.collectorMinutes.push((byCollector.at.getTime() - t.at.getTime()) / 60_000);
    else detections.collectorMissed++;
  }
  return detections;
}

export interface ComparisonResult {
  naive: Rates;
  collector: Rates;
  detection: Detections;
  /** Wall time of the call-rate run and of the detection run. */
  seconds: { rates: number; detection: number };
}

export async function comparePollers(
  options: ComparisonOptions,
  progress: (message: string) => void = () => {},
): Promise<ComparisonResult> {
  const ratesStarted = performance.now();
  progress(`call rates: ${options.rateHours} h of cycles`);
  const rateNaive = await PollerUnderTest.naive(options.rateFunctions, RATE_FLEET);
  const rateCollector = await PollerUnderTest.collector(options.rateFunctions, RATE_FLEET);
  let naive: Rates;
  let collector: Rates;
  try {
    const cycles = Math.max(1, Math.round((options.rateHours * HOUR_MS) / INTERVAL_MS));
    [naive, collector] = await Promise.all([
      measureRates(rateNaive, Math.min(cycles, NAIVE_RATE_CYCLES)),
      measureRates(rateCollector, cycles),
    ]);
  } finally {
    await Promise.all([rateNaive.close(), rateCollector.close()]);
  }
  const rates = (performance.now() - ratesStarted) / 1000;
  const detectionStarted = performance.now();
  progress(`detection: ${options.detectDays} days`);
  // Detection looks only at the states each poller recorded: the naive poller's metric requests
  // would change nothing in it (the collector's do: they decide what it reads, so it runs whole).
  const detectNaive = await PollerUnderTest.naive(options.detectFunctions, WHOLE_FLEET, { metrics: false });
  const detectCollector = await PollerUnderTest.collector(options.detectFunctions, WHOLE_FLEET);
  try {
    const detection = await measureDetection(detectNaive, detectCollector, options.detectDays);
    return {
      naive,
      collector,
      detection,
      seconds: { rates, detection: (performance.now() - detectionStarted) / 1000 },
    };
  } finally {
    await Promise.all([detectNaive.close(), detectCollector.close()]);
  }
}

export function comparisonRows(result: ComparisonResult): Row[] {
  const section = `Collection vs a naive poller (5-minute cycles, ${result.collector.functions} functions in one account × region)`;
  const { naive, collector, detection } = result;
  const p95 = (minutes: number[]) => quantile(minutes, 0.95);
  return [
    {
      section,
      metric: `naive poller: API calls per function per hour (${naive.cycles} cycles, the same every cycle)`,
      value: naive.callsPerFunctionHour,
      unit: "calls",
    },
    {
      section,
      metric: `collector: API calls per function per hour (${collector.cycles} cycles)`,
      value: collector.callsPerFunctionHour,
      unit: "calls",
      ratio: naive.callsPerFunctionHour / collector.callsPerFunctionHour,
      goal: { op: ">=", target: 5, on: "ratio" },
      note: "ratio: naive ÷ collector",
    },
    {
      section,
      metric: "naive poller: CloudWatch metrics requested per function per day",
      value: naive.metricsPerFunctionDay,
      unit: "metrics",
    },
    {
      section,
      metric: "collector: CloudWatch metrics requested per function per day",
      value: collector.metricsPerFunctionDay,
      unit: "metrics",
      ratio: naive.metricsPerFunctionDay / collector.metricsPerFunctionDay,
      note: "ratio: naive ÷ collector",
    },
    {
      section,
      metric: `naive poller: p95 detection delay, ${detection.transitions} at-risk transitions (${detection.naiveMissed} missed), ${detection.cycles} cycles`,
      value: p95(detection.naiveMinutes),
      unit: "min",
    },
    {
      section,
      metric: "collector: p95 detection delay, same transitions",
      value: p95(detection.collectorMinutes),
      unit: "min",
      ratio: p95(detection.collectorMinutes) / p95(detection.naiveMinutes),
      goal: { op: "<=", target: 1, on: "ratio" },
      note: "ratio: collector ÷ naive",
    },
    {
      section,
      metric: "collector: at-risk transitions missed within 3 cycles",
      value: detection.collectorMissed,
      unit: "",
      goal: { op: "<=", target: detection.naiveMissed, on: "value" },
    },
  ];
}
