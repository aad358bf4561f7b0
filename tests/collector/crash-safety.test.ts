// Crash safety: the collector process SIGKILLed in the middle of a write transaction loses nothing
// it had committed, leaves no half-written poll unit behind, and the next start is clean.
//
// How each kill lands inside a write, from outside the process and with no hook in the code: the
// test watches for the collector holding a write transaction open — on SQLite the WAL write lock
// (a POSIX write lock on byte 120 of the -shm file, listed in /proc/locks), on PostgreSQL one of its
// backends inside a transaction that has written (pg_stat_activity.backend_xid). It then SIGSTOPs
// the process, checks that the transaction is still open, records everything committed (stable:
// the process is frozen) and SIGKILLs it. Each round first lets the collector finish a random number
// of units and waits a random moment more, so the kills fall on different units, first sights
// (many inserts) and re-polls (updates), and different statements of a transaction.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { databaseTarget } from "@/lib/db/url";
import { READ_ONLY_ROLE_NAMES, REGIONS, REQUIRED_EXTERNAL_ID, type Simulator, startSimulator } from "@/lib/simulator";

const KILLS = 3;
const target = databaseTarget();
const LEDGER = "_imagefleet_migrations";

interface Running {
  child: ChildProcess;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

interface Kill {
  /** Poll units the process had finished, and the random waits after: how the kill moment was chosen. */
  afterUnits: number;
  delayMs: number;
  lagMs: number;
  /** What the frozen process had open: the statement of its write transaction (PostgreSQL) or "WAL write lock". */
  holding: string;
  /** Poll runs still `running` at the kill: the units in flight. */
  inFlight: string[];
}

let sim: Simulator;
let configFile: string;
let output = "";
let monitor: pg.Client | null = null;
const children: Running[] = [];
const kills: Kill[] = [];

function startCollector(args: string[] = []): Running {
  const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/collector.ts", ...args], {
    env: {
      ...process.env,
      DATABASE_URL: target.url,
      IMAGEFLEET_CONFIG: configFile,
      IMAGEFLEET_DEMO: "0",
      AWS_ENDPOINT_URL: sim.url,
      AWS_REGION: REGIONS[0],
      AWS_ACCESS_KEY_ID: "AKIACRASHTEST0000000",
      AWS_SECRET_ACCESS_KEY: "test",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk).slice(-30_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const running = { child, exit };
  children.push(running);
  return running;
}

/** SIGKILL to tsx alone would orphan the script's own process: that one goes first. */
function killTree(child: ChildProcess): void {
  const pid = child.pid!;
  const script = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
  for (const id of script.split(" ").filter(Boolean)) process.kill(Number(id), "SIGKILL");
  child.kill("SIGKILL");
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await sleep(20);
  }
  throw new Error(`timed out waiting for ${what}\n${output}`);
}

/** tsx runs the script in a node process of its own: that one holds the database connections. */
function scriptPid(running: Running): Promise<number> {
  const pid = running.child.pid!;
  return until("the collector's node process", async () => {
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    return children ? Number(children.split(" ")[0]) : null;
  });
}

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
 * Lets the collector finish a random number of poll units and waits a random moment more, then
 * catches it inside a write transaction — a random few milliseconds into it —, freezes it there,
 * records what is committed, kills it with SIGKILL and returns that record.
 */
async function killDuringWrite(running: Running): Promise<Awaited<ReturnType<typeof committed>>> {
  const pid = await scriptPid(running);
  const label = new RegExp(`^${os.hostname()}:${pid}(\\s|$)`);
  const afterUnits = 1 + Math.floor(Math.random() * 5);
  // Start-up is past (its migration check is a write transaction too) once the process polls.
  await until(`the collector to finish ${afterUnits} poll units`, async () => {
    const runs = (await db.pollRun.findMany({ select: { worker: true, status: true } })).filter((run) =>
      label.test(run.worker ?? ""),
    );
    return runs.length > 0 && runs.filter((run) => run.status !== "running").length >= afterUnits;
  });
  const delayMs = Math.round(Math.random() * 300);
  await sleep(delayMs);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null) throw new Error(`the collector exited on its own\n${output}`);
    if (await openWrite(pid)) {
      const lagMs = Math.random() < 0.5 ? 0 : Math.round(Math.random() * 25);
      if (lagMs) await sleep(lagMs);
      process.kill(pid, "SIGSTOP");
      await stopped(pid);
      await quiesced();
      const holding = await openWrite(pid);
      if (holding) {
        const before = await committed();
        const inFlight = before.pollRuns.filter((run) => run.status === "running").map((run) => run.id);
        kills.push({ afterUnits, delayMs, lagMs, holding, inFlight });
        process.kill(pid, "SIGKILL");
        await running.exit;
        await backendsGone();
        return before;
      }
      // Committed between the sighting and the stop: let it go on and catch a later write.
      process.kill(pid, "SIGCONT");
    }
    await tick();
  }
  throw new Error(`never caught the collector inside a write transaction\n${output}`);
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
      const before = await killDuringWrite(startCollector(victim));
      rounds.push({ before, after: await committed() });
      if (target.kind === "sqlite") recovered.push(sqliteRecovered());
    }
    // The next start: one full collection, then exit.
    const next = startCollector(["--once"]);
    once = await next.exit;
    final = await committed();
    if (target.kind === "sqlite") recovered = [...recovered, sqliteRecovered()];
  }, 240_000);

  afterAll(async () => {
    for (const running of children) if (running.child.exitCode === null) killTree(running.child);
    await Promise.all(children.map((running) => running.exit));
    await monitor?.end();
    await sim?.close();
  });

  it("kills the collector inside write transactions, at different moments", () => {
    expect(kills, output).toHaveLength(KILLS);
    for (const kill of kills) {
      expect(kill.holding).toBeTruthy();
      expect(kill.inFlight.length, "units in flight at the kill").toBeGreaterThan(0);
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
    expect(once, output).toEqual({ code: 0, signal: null });
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
