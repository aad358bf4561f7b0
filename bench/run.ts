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
import { runWebBench, type WebResult, webRows } from "./web";

const FIVE_ACCOUNTS = ["111111111111", "222222222222", "333333333333", "444444444444", "555555555555"];

interface Details {
  sweeps?: SweepResult[];
  polling?: ComparisonResult;
  database?: DatabaseResult[];
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

async function runParts(flags: BenchFlags, rows: Row[], details: Details): Promise<void> {
  if (flags.parts.has("collection")) {
    details.sweeps = [];
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
    for (const scenario of scenarios) {
      progress(`state sweep: ${scenario.label}`);
      const result = await runSweep(scenario);
      details.sweeps.push(result);
      rows.push(...sweepRows(result));
    }
  }
  if (flags.parts.has("polling")) {
    progress("naive poller vs collector");
    details.polling = await comparePollers({
      rateFunctions: flags.rateFleet,
      rateHours: flags.rateHours,
      detectFunctions: flags.detectFleet,
      detectDays: flags.detectDays,
    });
    rows.push(...comparisonRows(details.polling));
  }
  if (flags.parts.has("database")) {
    let postgresAdminUrl = flags.postgresAdminUrl;
    if (postgresAdminUrl && !(await reachable(postgresAdminUrl))) {
      progress(`PostgreSQL not reachable at ${new URL(postgresAdminUrl).host}: SQLite only`);
      postgresAdminUrl = null;
    }
    progress("database at scale");
    details.database = await runDatabaseBench({
      functions: flags.dbFunctions,
      days: flags.dbDays,
      iterations: flags.dbIterations,
      postgresAdminUrl,
    });
    rows.push(...details.database.flatMap(databaseRows));
  }
  if (flags.parts.has("web")) {
    progress("web pages");
    details.web = await runWebBench({
      port: flags.webPort,
      iterations: flags.webIterations,
      chromiumPath: flags.chromiumPath,
    });
    rows.push(...webRows(details.web));
  }
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
await runParts(flags, rows, details);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage();

console.log(formatTable(rows));
const misses = rows.filter((row) => statusOf(row) === "miss");
console.log(`\n${rows.length} figures, ${misses.length} missed goals, ${Math.round(seconds)} s`);
fs.writeFileSync(
  "bench/results.json",
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: { ...machineBefore, loadAverageAfter: machineInfo().loadAverage },
      seconds,
      benchProcessCpuSeconds: (cpu.user + cpu.system) / 1e6,
      flags: { ...flags, parts: [...flags.parts] },
      rows: rows.map((row) => ({ ...row, status: statusOf(row) })),
      details,
    },
    null,
    2,
  )}\n`,
);
