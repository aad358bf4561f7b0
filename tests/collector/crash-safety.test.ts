// Crash safety: the collector process SIGKILLed in the middle of a write transaction loses nothing
// it had committed, leaves no half-written poll unit behind, and the next start is clean.
//
// How each kill lands inside a write: the collector runs with the write gate
// (lib/db/writes/write-gate.ts), which holds each poll unit's write open — every statement of the
// unit done, nothing committed — until the test lets it commit. Each round lets a random number of
// units commit, so that the kills fall on different units, on first sights (many inserts) and on
// re-polls (updates), then keeps the next write open, SIGSTOPs the process, checks from outside that
// the transaction is open (SQLite: the WAL write lock, a POSIX write lock on byte 120 of the -shm
// file in /proc/locks; PostgreSQL: a backend of its inside a transaction that has written,
// pg_stat_activity.backend_xid), records everything committed and SIGKILLs the process group.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { databaseTarget } from "@/lib/db/url";
import { READ_ONLY_ROLE_NAMES, REGIONS, REQUIRED_EXTERNAL_ID, type Simulator, startSimulator } from "@/lib/simulator";
import { type CollectorProcess, CollectorProcesses, until } from "../support/collector-process";
import { killGroup } from "../support/process-group";
import { WriteGate } from "../support/write-gate";

const KILLS = 3;
const target = databaseTarget();
const LEDGER = "_imagefleet_migrations";

interface Kill {
  /** Poll units whose writes committed before the held one: how the kill moment was chosen. */
  afterUnits: number;
  /** The poll run whose write was held open. */
  pollRunId: string;
  /** What the frozen process had open: the statement of its write transaction (PostgreSQL) or "WAL write lock". */
  holding: string | null;
  /** Poll runs still `running` at the kill: the units in flight. */
  inFlight: string[];
}

let sim: Simulator;
let configFile: string;
let monitor: pg.Client | null = null;
const gate = new WriteGate();
const processes = new CollectorProcesses(() => ({
  databaseUrl: target.url,
  configFile,
  endpoint: sim.url,
  accessKeyId: "AKIACRASHTEST0000000",
  env: { IMAGEFLEET_TEST_WRITE_GATE: gate.directory },
}));
const kills: Kill[] = [];

async function stopped(pid: number): Promise<void> {
  // /proc/<pid>/stat: "pid (comm) state …"; T once SIGSTOP took effect.
  await until("the process to stop", async () => / T /.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8")), 5_000);
}

/** The write transaction `pid` has open right now, described, or null. */
async function openWrite(pid: number): Promise<string | null> {
  if (target.kind === "sqlite") {
    const shm = fs.statSync(`${target.file}-shm`, { throwIfNoEntry: false });
    if (!shm) return null;
    const lock = new RegExp(`POSIX\\s+ADVISORY\\s+WRITE\\s+${pid}\\s+\\S+:${shm.ino}\\s+120\\s+120\\b`);
    return lock.test(fs.readFileSync("/proc/locks", "utf8")) ? "WAL write lock" : null;
  }
  // pg-boss names its connections; Prisma's are the collector's writes. The test only reads.
  const { rows } = await monitor!.query<{ query: string }>(
    `SELECT query FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL
        AND application_name <> 'imagefleet-collector' AND state IN ('active', 'idle in transaction')`,
  );
  return rows[0]?.query.slice(0, 120) ?? null;
}

/** PostgreSQL: statements the frozen process had already sent still finish on the server. */
async function quiesced(): Promise<void> {
  if (target.kind === "sqlite") return;
  await until("the frozen collector's statements to finish", async () => {
    const { rows } = await monitor!.query(
      `SELECT 1 FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'`,
    );
    return rows.length === 0;
  });
}

/** PostgreSQL: the killed process's backends noticed and rolled back. */
async function backendsGone(): Promise<void> {
  if (target.kind === "sqlite") return;
  await until("the killed collector's backends to end", async () => {
    const { rows } = await monitor!.query(
      `SELECT 1 FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'`,
    );
    return rows.length === 0;
  });
}

/** Everything committed, table by table, in a stable order. */
async function committed() {
  const [accounts, functions, stateIntervals, configChanges, metricBuckets, fleetSnapshots, images, pollRuns] =
    await Promise.all([
      db.account.findMany({ orderBy: { id: "asc" } }),
      db.function.findMany({ orderBy: { id: "asc" } }),
      db.stateInterval.findMany({ orderBy: { id: "asc" } }),
      db.configChange.findMany({ orderBy: { id: "asc" } }),
      db.metricBucket.findMany({ orderBy: [{ functionId: "asc" }, { resolution: "asc" }, { start: "asc" }] }),
      db.fleetSnapshot.findMany({ orderBy: { id: "asc" } }),
      db.image.findMany({ orderBy: { id: "asc" } }),
      db.pollRun.findMany({ orderBy: { id: "asc" } }),
    ]);
  return { accounts, functions, stateIntervals, configChanges, metricBuckets, fleetSnapshots, images, pollRuns };
}

/**
 * Lets the collector commit a random number of poll units' writes, holds the next one open at the
 * gate, freezes the process there, records what is committed, kills the process group with SIGKILL
 * and returns that record.
 */
async function killDuringWrite(running: CollectorProcess): Promise<Awaited<ReturnType<typeof committed>>> {
  const pid = await running.scriptPid();
  const afterUnits = 1 + Math.floor(Math.random() * 5);
  const pollRunId = await gate.holdAfter(afterUnits, running);
  // Frozen, the process sends nothing more: what is committed stays as recorded until the kill.
  process.kill(pid, "SIGSTOP");
  await stopped(pid);
  await quiesced();
  const holding = await openWrite(pid);
  const before = await committed();
  const inFlight = before.pollRuns.filter((run) => run.status === "running").map((run) => run.id);
  kills.push({ afterUnits, pollRunId, holding, inFlight });
  await killGroup(running);
  gate.forget(pollRunId);
  await backendsGone();
  return before;
}

async function migrationLedger(): Promise<{ name: string; applied_at: unknown }[]> {
  const sql = `SELECT name, applied_at FROM "${LEDGER}" ORDER BY name`;
  if (target.kind === "postgresql") return (await monitor!.query(sql)).rows;
  const file = new Database(target.file!, { readonly: true });
  try {
    return file.prepare(sql).all() as { name: string; applied_at: unknown }[];
  } finally {
    file.close();
  }
}

/** SQLite: a fresh connection finds the file sound and checkpoints the whole WAL into it. */
function sqliteRecovered(): { integrity: string; checkpoint: unknown; walBytes: number } {
  const file = new Database(target.file!);
  try {
    const integrity = file.pragma("integrity_check", { simple: true }) as string;
    const [checkpoint] = file.pragma("wal_checkpoint(TRUNCATE)") as unknown[];
    return { integrity, checkpoint, walBytes: fs.statSync(`${target.file}-wal`).size };
  } finally {
    file.close();
  }
}

/**
 * What one unit transaction guarantees (lib/db/writes/poll-unit.ts): the unit's functions, state
 * intervals, buckets, images, fleet snapshot and the run's end land together or not at all. So a
 * unit's live functions were last seen by its latest finished, non-failed run; fleet snapshot rows
 * belong to such runs and add up to what they saw; a run still `running` wrote nothing.
 */
function expectNoHalfWrittenUnit(state: Awaited<ReturnType<typeof committed>>) {
  const runs = new Map(state.pollRuns.map((run) => [run.id, run]));
  const snapshotTotals = new Map<string, number>();
  for (const row of state.fleetSnapshots) {
    const run = row.pollRunId ? runs.get(row.pollRunId) : undefined;
    expect(run, `fleet snapshot ${row.id} of run ${row.pollRunId}`).toBeDefined();
    expect(["ok", "partial"], `fleet snapshot of run ${run!.id}`).toContain(run!.status);
    snapshotTotals.set(run!.id, (snapshotTotals.get(run!.id) ?? 0) + row.count);
  }
  const latest = new Map<string, (typeof state.pollRuns)[number]>();
  for (const run of state.pollRuns) {
    if (run.status === "ok" || run.status === "partial") {
      expect(snapshotTotals.get(run.id) ?? 0, `fleet snapshot of run ${run.id}`).toBe(run.functionsSeen);
      const unit = `${run.accountId}/${run.region}`;
      if (!latest.has(unit) || latest.get(unit)!.startedAt < run.startedAt) latest.set(unit, run);
    }
  }
  const inFlight = state.pollRuns.filter((run) => run.status === "running");
  for (const fn of state.functions) {
    const run = latest.get(`${fn.accountId}/${fn.region}`);
    expect(run, `${fn.id}: a function without a finished poll of its unit`).toBeDefined();
    expect(fn.lastSeenAt.getTime(), `${fn.id}: last seen by the unit's latest finished run`).toBe(
      run!.startedAt.getTime(),
    );
    for (const open of inFlight) {
      if (open.accountId === fn.accountId && open.region === fn.region)
        expect(fn.lastSeenAt.getTime(), `${fn.id}: written by run ${open.id}, still running`).not.toBe(
          open.startedAt.getTime(),
        );
    }
  }
  const functionIds = new Set(state.functions.map((fn) => fn.id));
  for (const row of [...state.stateIntervals, ...state.configChanges, ...state.metricBuckets])
    expect(functionIds.has(row.functionId), `a row of unknown function ${row.functionId}`).toBe(true);
}

describe("collector crash safety", () => {
  const rounds: { before: Awaited<ReturnType<typeof committed>>; after: Awaited<ReturnType<typeof committed>> }[] = [];
  let ledgerBefore: Awaited<ReturnType<typeof migrationLedger>>;
  let once: { code: number | null; signal: NodeJS.Signals | null };
  let final: Awaited<ReturnType<typeof committed>>;
  let recovered: ReturnType<typeof sqliteRecovered>[] = [];

  beforeAll(async () => {
    sim = await startSimulator({ seed: 33, functions: 80, speed: 0 });
    configFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "imagefleet-crash-")), "config.json");
    fs.writeFileSync(
      configFile,
      JSON.stringify({
        regions: REGIONS,
        organization: { discover: true, roleName: READ_ONLY_ROLE_NAMES[0], externalId: REQUIRED_EXTERNAL_ID },
        // Cycles back to back, two units at a time: kills fall on first sights and on later cycles.
        collector: { intervalSeconds: 10, accountConcurrency: 2 },
      }),
    );
    if (target.kind === "postgresql") {
      monitor = new pg.Client({ connectionString: target.url, application_name: "crash-test-monitor" });
      await monitor.connect();
    }
    ledgerBefore = await migrationLedger();

    // SQLite: the long-running collector. PostgreSQL: one collection per process — the long-running
    // one is a pg-boss worker, whose killed jobs wait out their lease (tests/workers covers that);
    // both write every unit through the same transaction.
    const victim = target.kind === "postgresql" ? ["--once"] : [];
    for (let round = 0; round < KILLS; round++) {
      const before = await killDuringWrite(processes.start(victim));
      rounds.push({ before, after: await committed() });
      if (target.kind === "sqlite") recovered.push(sqliteRecovered());
    }
    // The next start: one full collection, then exit.
    const next = processes.start(["--once"], { label: "the next start", env: { IMAGEFLEET_TEST_WRITE_GATE: "" } });
    once = await next.exit;
    final = await committed();
    if (target.kind === "sqlite") recovered = [...recovered, sqliteRecovered()];
  }, 240_000);

  processes.tearDownAfterAll(async () => {
    await monitor?.end();
    await sim?.close();
    gate.remove();
  });

  it("kills the collector inside write transactions, after different numbers of units", () => {
    expect(kills).toHaveLength(KILLS);
    for (const kill of kills) {
      expect(kill.holding, "the write transaction open at the kill").toBeTruthy();
      expect(kill.inFlight, "units in flight at the kill").toContain(kill.pollRunId);
    }
  });

  it("loses nothing that was committed before a kill, and adds nothing", () => {
    for (const [i, { before, after }] of rounds.entries()) expect(after, `round ${i + 1}`).toEqual(before);
  });

  it("leaves no half-written poll unit", () => {
    for (const { after } of rounds) expectNoHalfWrittenUnit(after);
    expectNoHalfWrittenUnit(final);
  });

  it.runIf(target.kind === "sqlite")("leaves a sound SQLite file whose WAL checkpoints completely", () => {
    for (const { integrity, checkpoint, walBytes } of recovered) {
      expect(integrity).toBe("ok");
      // Nothing blocked the checkpoint, and every committed frame moved into the file: the WAL is empty.
      expect(checkpoint).toMatchObject({ busy: 0 });
      expect(walBytes).toBe(0);
    }
  });

  it("starts clean next time: no migration, the killed runs closed, the whole fleet collected", async () => {
    expect(once).toEqual({ code: 0, signal: null });
    expect(await migrationLedger()).toEqual(ledgerBefore);

    const killedRuns = new Set(kills.flatMap((kill) => kill.inFlight));
    expect(killedRuns.size).toBeGreaterThan(0);
    for (const run of final.pollRuns) {
      expect(run.status, `poll run ${run.id}`).not.toBe("running");
      if (killedRuns.has(run.id)) {
        expect(run.status).toBe("failed");
        expect(JSON.parse(run.errors)).toEqual([expect.objectContaining({ code: "WorkerLost" })]);
      }
    }

    // The last run of every reachable unit collected it (partly where the simulator denies an image).
    const reachable = sim.truth.accounts().filter((account) => account.status === "ACTIVE");
    const units = reachable.flatMap((account) => REGIONS.map((region) => `${account.id}/${region}`)).sort();
    const last = new Map<string, (typeof final.pollRuns)[number]>();
    for (const run of final.pollRuns) {
      const unit = `${run.accountId}/${run.region}`;
      if (!last.has(unit) || last.get(unit)!.startedAt < run.startedAt) last.set(unit, run);
    }
    expect(
      [...last.values()]
        .filter((run) => run.status === "ok" || run.status === "partial")
        .map((run) => `${run.accountId}/${run.region}`)
        .sort(),
    ).toEqual(units);

    const live = final.functions.filter((fn) => fn.deletedAt === null).map((fn) => fn.arn);
    expect(live.sort()).toEqual(
      sim.truth
        .functions()
        .map((fn) => fn.arn)
        .sort(),
    );
  });
});
