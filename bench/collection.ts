import { AwsClients, type AwsScope } from "@/lib/aws/clients";
import { listFunctions } from "@/lib/aws/lambda";
import { PollErrors } from "@/lib/collector/poll-errors";
import { readStates } from "@/lib/collector/state-reads";
import { configSchema } from "@/lib/config/schema";
import { HUB_CREDENTIALS, scopeLabel, scopesFor } from "./aws-scopes";
import { SimulatorProcess } from "./simulator-process";
import { sum } from "./stats";
import type { Row } from "./table";

export interface SweepScenario {
  label: string;
  /** Fleet-wide size given to the simulator; its accounts × regions get weighted shares of it. */
  fleetFunctions: number;
  accounts: readonly string[];
  regions: readonly string[];
}

interface ScopeSweep {
  scope: string;
  listed: number;
  read: number;
  /** Functions the simulator has in the scope that the sweep did not read. */
  missing: number;
  errors: number;
}

export interface SweepResult {
  label: string;
  scopes: ScopeSweep[];
  functions: number;
  listMs: number;
  sweepMs: number;
  boundMs: number;
  getFunctionCalls: number;
  throttled: number;
}

const SEED = 7;
const START = new Date("2026-11-30T12:00:00.000Z");

/**
 * A full state sweep with the collector's own pieces (paced clients at the default quotas,
 * listFunctions, readStates) against AWS's quotas. Every scope is listed first; then GetFunction
 * for every listed function starts in all scopes at once, so the wall time compares directly
 * with the quota-bound minimum: the largest scope ÷ 100 GetFunction/s.
 */
export async function runSweep(scenario: SweepScenario): Promise<SweepResult> {
  const sim = await SimulatorProcess.start({
    seed: SEED,
    functions: scenario.fleetFunctions,
    startTime: START,
    speed: 0,
    quotaScale: 1,
  });
  const { quotas } = configSchema.parse({}).collector;
  const aws = new AwsClients({ endpoint: sim.url, credentials: HUB_CREDENTIALS, quotas });
  try {
    const scopes = scopesFor(aws, scenario.accounts, scenario.regions);
    const listStarted = performance.now();
    const listings = await Promise.all(scopes.map((scope) => listFunctions(aws.lambda(scope))));
    const listMs = performance.now() - listStarted;

    await sim.resetApiCalls();
    const sweepStarted = performance.now();
    const details = await Promise.all(
      scopes.map((scope, i) =>
        readStates(
          aws.lambda(scope),
          listings[i]!.functions.map((fn) => fn.name),
          new PollErrors(scope),
        ),
      ),
    );
    const sweepMs = performance.now() - sweepStarted;
    const calls = (await sim.apiCalls()).filter((c) => c.operation === "GetFunction");

    const sweeps = await Promise.all(
      scopes.map(async (scope, i) => {
        const truth = await sim.functions({ accountId: scope.accountId, region: scope.region });
        const read = details[i]!;
        return {
          scope: scopeLabel(scope),
          listed: listings[i]!.functions.length,
          read: read.size,
          missing: truth.filter((fn) => !read.has(fn.name)).length,
          errors: sum(calls.filter((c) => matches(c, scope)).map((c) => c.errors)),
        };
      }),
    );
    const largest = Math.max(...sweeps.map((s) => s.listed));
    return {
      label: scenario.label,
      scopes: sweeps,
      functions: sum(sweeps.map((s) => s.listed)),
      listMs,
      sweepMs,
      boundMs: (largest / quotas.getFunction) * 1000,
      getFunctionCalls: sum(calls.map((c) => c.calls)),
      throttled: sum(calls.map((c) => c.throttled)),
    };
  } finally {
    aws.destroy();
    await sim.close();
  }
}

function matches(call: { accountId: string; region: string }, scope: AwsScope): boolean {
  return call.accountId === scope.accountId && call.region === scope.region;
}

export function sweepRows(result: SweepResult): Row[] {
  const section = `Collection vs the quota limit — ${result.label}`;
  const largest = Math.max(...result.scopes.map((s) => s.listed));
  return [
    {
      section,
      metric: `full state sweep, ${result.functions.toLocaleString("en-US")} functions in ${result.scopes.length} scopes (largest ${largest.toLocaleString("en-US")})`,
      value: result.sweepMs / 1000,
      unit: "s",
      ratio: result.sweepMs / result.boundMs,
      goal: { op: "<=", target: 1.1, on: "ratio" },
      note: `quota-bound minimum ${(result.boundMs / 1000).toFixed(1)} s (largest scope ÷ 100 GetFunction/s, scopes in parallel)`,
    },
    {
      section,
      metric: "inventory listing before the sweep (15 req/s, 50 per page)",
      value: result.listMs / 1000,
      unit: "s",
    },
    {
      section,
      metric: "GetFunction throttled (429) and retried",
      value: result.throttled,
      unit: "calls",
      ratio: result.throttled / Math.max(1, result.getFunctionCalls),
    },
    {
      section,
      metric: "functions missing after the sweep",
      value: sum(result.scopes.map((s) => s.missing)),
      unit: "",
      goal: { op: "<=", target: 0, on: "value" },
    },
  ];
}
