import Database from "better-sqlite3";
import pg from "pg";
import { lastClosedWeek } from "@/lib/analysis/weeks";
import { configSchema } from "@/lib/config/schema";
import type { Db } from "@/lib/db/client";
import { fleetFacets } from "@/lib/db/queries/facets";
import { fleetColdStarts } from "@/lib/db/queries/fleet-cold-starts";
import { fleetLifecycle } from "@/lib/db/queries/fleet-lifecycle";
import { fleetSummary } from "@/lib/db/queries/fleet-summary";
import { fleetTopLists } from "@/lib/db/queries/fleet-top";
import { functionDetail } from "@/lib/db/queries/function-detail";
import { functionsPage } from "@/lib/db/queries/functions";
import type { DatabaseTarget } from "@/lib/db/url";
import { generateReport } from "@/lib/reports/generate";
import { fleetView } from "@/lib/url-state/fleet-view";
import { functionView } from "@/lib/url-state/function-view";
import { functionsView } from "@/lib/url-state/functions-view";
import { type ScratchDatabase, scratchPostgres, scratchSqlite } from "./databases";
import { type SeedCounts, type SeedResult, seed } from "./seed";
import { quantile, sampleMs, sum } from "./stats";
import type { Row } from "./table";

export interface DatabaseOptions {
  functions: number;
  days: number;
  iterations: number;
  /** Admin URL of the PostgreSQL server; null skips PostgreSQL. */
  postgresAdminUrl: string | null;
  /** Work sharing the machine during the load (the production build), finished before measuring. */
  alongsideLoad?: Promise<unknown>;
}

interface Timing {
  name: string;
  /** Budget for the p95 in ms: what keeps a page's server time well under a second. */
  budgetMs: number;
  samples: number[];
  /** Why the workload produced no samples. */
  error?: string;
}

export interface DatabaseResult {
  kind: DatabaseTarget["kind"];
  functions: number;
  days: number;
  /** The load of every database at once, from one pass of the generator (shared by the results). */
  load: Omit<SeedResult, "counts">;
  rows: SeedCounts;
  bytes: Record<string, number>;
  timings: Timing[];
}

const REPORT_ITERATIONS = 3;
/** Time spent sampling one workload before stopping early (see sampleMs). */
const SAMPLING_BUDGET_MS = 10_000;

/** The page loads being timed: each is what one request of the page or endpoint runs. */
function workloads(db: Db, busyFunction: { accountId: string; region: string; name: string }) {
  const config = configSchema.parse({});
  const table = (query: Record<string, string>) => () => functionsPage(functionsView.schemas.api.parse(query), { db });
  const overview = fleetView.schemas.api.parse({});
  return [
    { name: "table: first page", budgetMs: 200, run: table({}) },
    {
      name: "table: filtered (Image, Inactive)",
      budgetMs: 200,
      run: table({ packageType: "Image", state: "Inactive" }),
    },
    { name: "table: sorted by cold starts", budgetMs: 200, run: table({ sort: "coldStarts", dir: "desc" }) },
    { name: "table: searched", budgetMs: 200, run: table({ q: "payments-svc-1" }) },
    {
      name: "overview (summary, facets, lifecycle, cold starts, top lists)",
      budgetMs: 500,
      run: () =>
        Promise.all([
          fleetSummary({ db }),
          fleetFacets({ db }),
          fleetLifecycle(overview, { db }),
          fleetColdStarts(overview, { db }),
          fleetTopLists(overview, { db }),
        ]),
    },
    {
      name: "function page data (7 days)",
      budgetMs: 200,
      run: () => functionDetail(busyFunction, functionView.schemas.api.parse({}), { db }),
    },
    {
      name: "weekly report generation (fleet and teams)",
      budgetMs: 30_000,
      iterations: REPORT_ITERATIONS,
      run: async () => {
        // A closed week is published once and read back afterwards: drop it to time the computation.
        await db.report.deleteMany({});
        await generateReport(lastClosedWeek(new Date()), new Date(), config, db);
      },
    },
  ];
}

async function sqliteBytes(file: string): Promise<Record<string, number>> {
  const raw = new Database(file);
  try {
    raw.pragma("wal_checkpoint(TRUNCATE)");
    const rows = raw.prepare("SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name").all() as {
      name: string;
      bytes: number;
    }[];
    return Object.fromEntries(rows.map((r) => [r.name, r.bytes]));
  } finally {
    raw.close();
  }
}

async function postgresBytes(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; bytes: string }>(
      `SELECT relname AS name, pg_total_relation_size(relid) AS bytes FROM pg_catalog.pg_statio_user_tables`,
    );
    return Object.fromEntries(rows.map((r) => [r.name, Number(r.bytes)]));
  } finally {
    await client.end();
  }
}

async function benchDatabase(
  database: ScratchDatabase,
  options: DatabaseOptions,
  { counts: rows, ...load }: SeedResult,
): Promise<DatabaseResult> {
  const { target, db } = database;
  // The read-side query modules pick their SQL dialect from DATABASE_URL, as the server does.
  process.env.DATABASE_URL = target.url;
  const busy = await db.function.findFirstOrThrow({
    where: { state: "Active", team: "payments" },
    orderBy: { id: "asc" },
  });
  const timings: Timing[] = [];
  for (const workload of workloads(db, busy)) {
    try {
      const samples = await sampleMs(workload.run, {
        iterations: workload.iterations ?? options.iterations,
        warmup: workload.iterations ? 0 : 1,
        budgetMs: SAMPLING_BUDGET_MS,
      });
      timings.push({ name: workload.name, budgetMs: workload.budgetMs, samples });
    } catch (error) {
      timings.push({ name: workload.name, budgetMs: workload.budgetMs, samples: [], error: String(error) });
    }
  }
  const bytes = target.kind === "sqlite" ? await sqliteBytes(target.file!) : await postgresBytes(target.url);
  return { kind: target.kind, functions: options.functions, days: options.days, load, rows, bytes, timings };
}

/**
 * Both databases are loaded at once from one pass of the generator (the PostgreSQL server works
 * on its share on the other core), then measured one after the other on an otherwise idle machine.
 */
export async function runDatabaseBench(
  options: DatabaseOptions,
  progress: (message: string) => void = () => {},
): Promise<DatabaseResult[]> {
  const databases: ScratchDatabase[] = [];
  try {
    databases.push(await scratchSqlite("fleet"));
    if (options.postgresAdminUrl) {
      databases.push(await scratchPostgres(options.postgresAdminUrl, `imagefleet_bench_${process.pid}`));
    }
    progress(`loading ${databases.map((d) => d.target.kind).join(" and ")}`);
    const load = await seed(
      databases.map((d) => d.target),
      { functions: options.functions, days: options.days, now: new Date() },
    );
    progress(`loaded in ${load.seconds.toFixed(0)} s`);
    await options.alongsideLoad?.catch(() => {});
    const results: DatabaseResult[] = [];
    for (const database of databases) {
      progress(`measuring ${database.target.kind}`);
      results.push(await benchDatabase(database, options, load));
    }
    return results;
  } finally {
    for (const database of databases) await database.drop();
  }
}

export function databaseRows(result: DatabaseResult): Row[] {
  const section = `Database at scale — ${result.kind === "sqlite" ? "SQLite" : "PostgreSQL"}, ${result.functions.toLocaleString("en-US")} functions, ${result.days} days of history`;
  const functionDays = result.functions * result.days;
  const rows: Row[] = [];
  for (const timing of result.timings) {
    const p50 = quantile(timing.samples, 0.5);
    const p95 = quantile(timing.samples, 0.95);
    rows.push({ section, metric: `${timing.name}: p50`, value: p50, unit: "ms" });
    rows.push({
      section,
      metric: `${timing.name}: p95`,
      value: p95,
      unit: "ms",
      ratio: p95 / timing.budgetMs,
      goal: { op: "<=", target: timing.budgetMs, on: "value" },
      ...(timing.error ? { note: `failed: ${timing.error}` } : {}),
    });
  }
  rows.push(
    {
      section,
      metric: "rows per function per day",
      value: sum(Object.values(result.rows)) / functionDays,
      unit: "rows",
    },
    {
      section,
      metric: "bytes per function per day (tables and indexes)",
      value: sum(Object.values(result.bytes)) / functionDays,
      unit: "B",
    },
    {
      section,
      metric:
        Object.keys(result.load.phases).length > 1
          ? "bulk load of the synthetic history (both databases at once, one pass of the generator)"
          : "bulk load of the synthetic history",
      value: result.load.seconds,
      unit: "s",
      note: loadNote(result),
    },
  );
  return rows;
}

function loadNote({ load }: DatabaseResult): string {
  const name = (kind: string) => (kind === "sqlite" ? "SQLite" : "PostgreSQL");
  const phases = Object.entries(load.phases).map(
    ([kind, p]) => `${name(kind)} writes ${p.writeSeconds.toFixed(0)} s, indexes after ${p.indexSeconds.toFixed(0)} s`,
  );
  return `generating ${load.generateSeconds.toFixed(0)} s; ${phases.join("; ")}`;
}
