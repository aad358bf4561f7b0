import Database from "better-sqlite3";
import pLimit from "p-limit";
import pg from "pg";
import { alertsView } from "@/lib/alerts/view";
import { HOUR_MS } from "@/lib/analysis/time";
import { lastClosedWeek } from "@/lib/analysis/weeks";
import { configSchema } from "@/lib/config/schema";
import type { Db } from "@/lib/db/client";
import { listAlerts } from "@/lib/db/queries/alerts";
import { fleetFacets } from "@/lib/db/queries/facets";
import { fleetColdStarts } from "@/lib/db/queries/fleet-cold-starts";
import { fleetLifecycle } from "@/lib/db/queries/fleet-lifecycle";
import { fleetSummary } from "@/lib/db/queries/fleet-summary";
import { fleetTopLists } from "@/lib/db/queries/fleet-top";
import { functionDetail } from "@/lib/db/queries/function-detail";
import { functionsPage } from "@/lib/db/queries/functions";
import type { DatabaseTarget } from "@/lib/db/url";
import { type BucketWrite, upsertBuckets } from "@/lib/db/writes/metric-buckets";
import { rebuildRollups, updateScopeRollups } from "@/lib/db/writes/rollups";
import { generateReport } from "@/lib/reports/generate";
import { loadReportView } from "@/lib/reports/load";
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
  /** False: PostgreSQL only (the 100,000-function scale run). */
  sqlite?: boolean;
  /** The p95 budget of every page's data, in ms (the report generation keeps its own). */
  pageBudgetMs?: number;
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
  /** Roll-ups: the full rebuild after the load; one cycle's writes (buckets and roll-ups) and the roll-ups' share. */
  rollups: {
    rebuildSeconds: number;
    cycleSeconds: number;
    rollupSeconds: number;
    workers: number;
    cycleFunctions: number;
  };
}

const REPORT_ITERATIONS = 3;
/** Every page's data p95 at 20,000 functions (issue 17). */
const PAGE_BUDGET_MS = 200;
/** Collector workers writing at once in the cycle-writes measurement (PostgreSQL). */
const COLLECTOR_WORKERS = 4;
/** The collector's default poll interval: a cycle's writes should take a small share of it. */
const POLL_INTERVAL_S = 300;
/** Time spent sampling one workload before stopping early (see sampleMs). */
const SAMPLING_BUDGET_MS = 10_000;

const METRIC_SORTS = ["coldStarts", "coldStartRate", "initP95"] as const;

interface Workload {
  name: string;
  budgetMs: number;
  /** Fixed sample count, without warm-up (slow workloads). */
  iterations?: number;
  run: () => Promise<unknown>;
}

/** The page loads being timed: each is what one request of the page or endpoint runs. */
function workloads(
  db: Db,
  busyFunction: { accountId: string; region: string; name: string },
  pageBudgetMs: number,
): Workload[] {
  const config = configSchema.parse({});
  const table = (query: Record<string, string>) => () => functionsPage(functionsView.schemas.api.parse(query), { db });
  const overview = (range: string) => {
    const query = fleetView.schemas.api.parse({ range });
    return () =>
      Promise.all([
        fleetSummary({ db }),
        fleetFacets({ db }),
        fleetLifecycle(query, { db }),
        fleetColdStarts(query, { db }),
        fleetTopLists(query, { db }),
      ]);
  };
  const week = lastClosedWeek(new Date());
  return [
    { name: "table: first page", budgetMs: pageBudgetMs, run: table({}) },
    {
      name: "table: filtered (Image, Inactive)",
      budgetMs: pageBudgetMs,
      run: table({ packageType: "Image", state: "Inactive" }),
    },
    ...METRIC_SORTS.flatMap((sort) =>
      (["desc", "asc"] as const).map((dir) => ({
        name: `table: sorted by ${sort} ${dir} (7 days)`,
        budgetMs: pageBudgetMs,
        run: table({ sort, dir }),
      })),
    ),
    {
      name: "table: sorted by cold starts (30 days)",
      budgetMs: pageBudgetMs,
      run: table({ sort: "coldStarts", dir: "desc", range: "30d" }),
    },
    { name: "table: searched", budgetMs: pageBudgetMs, run: table({ q: "payments-svc-1" }) },
    ...(["24h", "7d", "30d"] as const).map((range) => ({
      name: `overview, all cards (${range})`,
      budgetMs: pageBudgetMs,
      run: overview(range),
    })),
    {
      name: "function page data (7 days)",
      budgetMs: pageBudgetMs,
      run: () => functionDetail(busyFunction, functionView.schemas.api.parse({}), { db }),
    },
    { name: "alerts list", budgetMs: pageBudgetMs, run: () => listAlerts(alertsView.schemas.api.parse({}), { db }) },
    {
      name: "weekly report generation (fleet and teams)",
      budgetMs: 10_000,
      iterations: REPORT_ITERATIONS,
      run: async () => {
        // A closed week is published once and read back afterwards: drop it to time the computation.
        await db.report.deleteMany({});
        await generateReport(week, new Date(), config, db);
      },
    },
    // After the last generation the week's reports are stored: the page reads them.
    { name: "report page data (fleet)", budgetMs: pageBudgetMs, run: () => loadReportView(week, null, { db }) },
  ];
}

/**
 * The roll-ups after a bulk load (as `npm run rollups -- --rebuild` after a restore), then one
 * collection cycle's writes as after a metrics pass: in every scope, the functions with a bucket in
 * the last hour get it rewritten (invocations + 1) and the scope's roll-ups brought up to date, in
 * one transaction per scope like a poll unit. PostgreSQL runs `workers` scopes at once (collector
 * workers share scopes); SQLite has one writer.
 */
async function benchRollups(db: Db, kind: DatabaseTarget["kind"], workers: number): Promise<DatabaseResult["rollups"]> {
  let started = performance.now();
  await rebuildRollups(db, new Date());
  const rebuildSeconds = (performance.now() - started) / 1000;
  const now = new Date();
  const since = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - HOUR_MS);
  const changed = await db.metricBucket.findMany({
    where: { resolution: "1h", start: { gte: since } },
    select: {
      functionId: true,
      start: true,
      invocations: true,
      function: { select: { accountId: true, region: true } },
    },
  });
  const scopes = new Map<string, { scope: { accountId: string; region: string }; buckets: BucketWrite[] }>();
  for (const row of changed) {
    const key = `${row.function.accountId}|${row.function.region}`;
    const entry = scopes.get(key) ?? { scope: row.function, buckets: [] };
    entry.buckets.push({
      functionId: row.functionId,
      resolution: "1h",
      start: row.start,
      values: { invocations: row.invocations + 1 },
    });
    scopes.set(key, entry);
  }
  const limit = pLimit(kind === "postgresql" ? workers : 1);
  let rollupSeconds = 0;
  started = performance.now();
  await Promise.all(
    [...scopes.values()].map(({ scope, buckets }) =>
      limit(() =>
        db.$transaction(
          async (tx) => {
            const hourly = await upsertBuckets(tx, buckets);
            const rollupStarted = performance.now();
            await updateScopeRollups(tx, scope, { ...hourly, slicesMoved: false }, now);
            rollupSeconds += (performance.now() - rollupStarted) / 1000;
          },
          { maxWait: 600_000, timeout: 600_000 },
        ),
      ),
    ),
  );
  return {
    rebuildSeconds,
    cycleSeconds: (performance.now() - started) / 1000,
    rollupSeconds,
    workers: kind === "postgresql" ? workers : 1,
    cycleFunctions: new Set(changed.map((row) => row.functionId)).size,
  };
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
  const rollups = await benchRollups(db, target.kind, COLLECTOR_WORKERS);
  const timings: Timing[] = [];
  for (const workload of workloads(db, busy, options.pageBudgetMs ?? PAGE_BUDGET_MS)) {
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
  return { kind: target.kind, functions: options.functions, days: options.days, load, rows, bytes, timings, rollups };
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
    if (options.sqlite !== false) databases.push(await scratchSqlite("fleet"));
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
      metric: "roll-up rebuild from the buckets (npm run rollups -- --rebuild)",
      value: result.rollups.rebuildSeconds,
      unit: "s",
    },
    {
      section,
      metric: `one cycle's writes, buckets and roll-ups (${result.rollups.workers} writer${result.rollups.workers > 1 ? "s" : ""})`,
      value: result.rollups.cycleSeconds,
      unit: "s",
      ratio: result.rollups.cycleSeconds / (0.25 * POLL_INTERVAL_S),
      goal: { op: "<=", target: 0.25 * POLL_INTERVAL_S, on: "value" },
      note: `${result.rollups.cycleFunctions.toLocaleString("en-US")} functions with a new hourly bucket; goal: 25 % of the ${POLL_INTERVAL_S} s poll interval`,
    },
    {
      section,
      metric: "roll-up maintenance in that cycle (sum over scopes)",
      value: result.rollups.rollupSeconds,
      unit: "s",
    },
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
