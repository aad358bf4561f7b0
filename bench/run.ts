// `npm run bench`: collection against the quota limit, the collector against a naive poller, the
// database at fleet scale and the web pages, printed as one table and written to
// bench/results.json. Flags: see bench/README.md or `npm run bench -- --help`.
import fs from "node:fs";
import pg from "pg";
import { runSweep, type SweepResult, sweepRows } from "./collection";
import { type DatabaseResult, databaseRows, runDatabaseBench } from "./database";
import { type BenchFlags, readFlags, USAGE } from "./flags";
import { machineInfo } from "./machine";
import { type ComparisonResult, comparePollers, comparisonRows } from "./poller-comparison";
import { formatTable, type Row, statusOf } from "./table";
import { runWebBench, startBuild, type WebResult, webRows } from "./web";

const FIVE_ACCOUNTS = ["111111111111", "222222222222", "333333333333", "444444444444", "555555555555"];

interface Details {
  sweeps?: SweepResult[];
  polling?: ComparisonResult;
  database?: DatabaseResult[];
  scale?: DatabaseResult[];
  web?: WebResult;
}

function progress(message: string): void {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Runs one part; a failure is recorded as a missed row instead of ending the run, and the results
 * so far are written after every part so that a crash loses nothing already measured.
 */
async function part(name: string, run: () => Promise<Row[]>): Promise<void> {
  progress(name);
  try {
    rows.push(...(await run()));
  } catch (error) {
    progress(`${name} failed: ${(error as Error).stack ?? String(error)}`);
    rows.push({
      section: name,
      metric: "part failed",
      value: Number.NaN,
      unit: "",
      goal: { op: "<=", target: 0, on: "value" },
      note: String(error),
    });
  }
  writeResults();
}

async function sweeps(flags: BenchFlags): Promise<Row[]> {
  const scenarios = [
    {
      label: `one account × region (${flags.sweepScope.accountId}/${flags.sweepScope.region})`,
      fleetFunctions: flags.sweepFleet,
      accounts: [flags.sweepScope.accountId],
      regions: [flags.sweepScope.region],
    },
    {
      label: "5 accounts × 2 regions",
      fleetFunctions: flags.multiFleet,
      accounts: FIVE_ACCOUNTS,
      regions: ["us-east-1", "eu-west-1"],
    },
  ];
  details.sweeps = [];
  for (const scenario of scenarios) details.sweeps.push(await runSweep(scenario));
  return details.sweeps.flatMap(sweepRows);
}

async function databases(flags: BenchFlags, alongsideLoad: Promise<unknown>): Promise<Row[]> {
  let postgresAdminUrl = flags.postgresAdminUrl;
  if (postgresAdminUrl && !(await reachable(postgresAdminUrl))) {
    progress(`PostgreSQL not reachable at ${new URL(postgresAdminUrl).host}: SQLite only`);
    postgresAdminUrl = null;
  }
  details.database = await runDatabaseBench(
    {
      functions: flags.dbFunctions,
      days: flags.dbDays,
      iterations: flags.dbIterations,
      postgresAdminUrl,
      alongsideLoad,
    },
    progress,
  );
  return details.database.flatMap(databaseRows);
}

/** 100,000 functions on PostgreSQL: the same workloads against a 300 ms budget. */
async function scale(flags: BenchFlags): Promise<Row[]> {
  if (!flags.postgresAdminUrl || !(await reachable(flags.postgresAdminUrl))) {
    progress("scale: needs PostgreSQL (--pg URL); skipped");
    return [];
  }
  details.scale = await runDatabaseBench(
    {
      functions: flags.scaleFunctions,
      days: flags.dbDays,
      iterations: flags.dbIterations,
      postgresAdminUrl: flags.postgresAdminUrl,
      sqlite: false,
      pageBudgetMs: 300,
    },
    progress,
  );
  return details.scale.flatMap(databaseRows);
}

function writeResults(): void {
  const cpu = process.cpuUsage();
  const results = {
    date: new Date().toISOString(),
    machine: { ...machineBefore, loadAverageAfter: machineInfo().loadAverage },
    seconds: (performance.now() - started) / 1000,
    benchProcessCpuSeconds: (cpu.user + cpu.system) / 1e6,
    flags: { ...flags, parts: [...flags.parts] },
    rows: rows.map((row) => ({ ...row, status: statusOf(row) })),
    details,
  };
  fs.writeFileSync("bench/results.json", `${JSON.stringify(results, null, 2)}\n`);
}

const flags = readFlags(process.argv.slice(2));
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}
const machineBefore = machineInfo();
const started = performance.now();
const rows: Row[] = [];
const details: Details = {};

if (flags.parts.has("collection")) await part("state sweeps against the quota limit", () => sweeps(flags));
if (flags.parts.has("polling")) {
  await part("naive poller vs collector", async () => {
    details.polling = await comparePollers(
      {
        rateFunctions: flags.rateFleet,
        rateHours: flags.rateHours,
        detectFunctions: flags.detectFleet,
        detectDays: flags.detectDays,
      },
      progress,
    );
    return comparisonRows(details.polling);
  });
}
// The production build (when none exists) runs while the database part loads its fixture; the
// measurements wait for it.
const build = flags.parts.has("web") ? startBuild() : Promise.resolve(null);
build.catch(() => {}); // awaited, and reported, by the web part
if (flags.parts.has("database")) await part("database at scale", () => databases(flags, build));
if (flags.parts.has("scale")) await part("PostgreSQL at 100,000 functions", () => scale(flags));
if (flags.parts.has("web")) {
  await part("web pages", async () => {
    details.web = await runWebBench(
      { port: flags.webPort, iterations: flags.webIterations, chromiumPath: flags.chromiumPath },
      build,
    );
    return webRows(details.web);
  });
}

console.log(formatTable(rows));
const misses = rows.filter((row) => statusOf(row) === "miss").length;
console.log(`\n${rows.length} figures, ${misses} missed goals, ${Math.round((performance.now() - started) / 1000)} s`);
