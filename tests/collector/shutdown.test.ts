// Graceful shutdown of the collector process: SIGTERM in the middle of a cycle — a unit's write
// transaction open, Logs Insights queries running — finishes that write, stops every query it
// started, closes every poll run and exits 0 within seconds.
//
// The moment is pinned from outside, with no hook in the code: an HTTP proxy between the collector
// and the fleet simulator follows every Insights query (StartQuery answered, GetQueryResults final,
// StopQuery), and the test watches for the collector's open write transaction (SQLite: its WAL
// write lock in /proc/locks; PostgreSQL: a backend of its inside a transaction that has written).
// When both hold, it SIGSTOPs the process, checks that they still do, sends SIGTERM and SIGCONT.
//
// `npm start` has no shutdown of its own to test here: on SIGTERM Next.js closes its HTTP server
// and exits 143, and the collector embedded in it stops wherever it is (which is crash-safe).
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { databaseTarget } from "@/lib/db/url";
import { READ_ONLY_ROLE_NAMES, REGIONS, REQUIRED_EXTERNAL_ID, type Simulator, startSimulator } from "@/lib/simulator";

const target = databaseTarget();
/** What the test calls prompt: the write in progress and the StopQuery calls, on a loaded CI machine. */
const PROMPT_MS = 10_000;
const UNIT_TABLES = /"(Function|StateInterval|ConfigChange|MetricBucket|Image|FleetSnapshot|PollRun)"/;

let sim: Simulator;
let proxy: http.Server;
let monitor: pg.Client | null = null;
let collector: ChildProcess | null = null;
let output = "";

/** Every Insights query the simulator started, by id: "running" until an answer shows it ended. */
const queries = new Map<string, "running" | "Complete" | "Failed" | "Cancelled" | "Stopped">();
let stopQueryCalls = 0;
/** StartQuery answers take this long to come back (network, AWS), so that a shutdown meets some on their way. */
const START_QUERY_LATENCY_MS = 400;
/** StartQuery answers on their way; while `holdAnswers` is set they stay there. */
const onTheirWay = new Set<() => void>();
let holdAnswers = false;
function releaseAnswers() {
  holdAnswers = false;
  for (const deliver of onTheirWay) deliver();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tick = () => new Promise((resolve) => setImmediate(resolve));

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await sleep(20);
  }
  throw new Error(`timed out waiting for ${what}\n${output}`);
}

const runningQueries = () => [...queries].filter(([, state]) => state === "running").map(([id]) => id);

/** Notes what each Logs Insights call did, from the request and the simulator's answer. */
function observe(operation: string, request: string, answer: string) {
  const parse = (text: string) => {
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      return {};
    }
  };
  const { queryId } = { ...parse(request), ...parse(answer) } as { queryId?: string };
  if (!queryId) return;
  const answered = parse(answer);
  if (operation === "StartQuery") queries.set(queryId, "running");
  if (operation === "GetQueryResults" && ["Complete", "Failed", "Cancelled"].includes(answered.status as string))
    queries.set(queryId, answered.status as "Complete");
  if (operation === "StopQuery") {
    stopQueryCalls++;
    // success: false — the query had already ended.
    if (queries.get(queryId) === "running") queries.set(queryId, "Stopped");
  }
}

/** Forwards everything to the simulator; the answer reaches the proxy even when the caller gave up. */
function startProxy(upstream: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const body: Buffer[] = [];
    request.on("data", (chunk: Buffer) => body.push(chunk));
    request.on("end", () => {
      const forward = http.request(
        new URL(request.url ?? "/", upstream),
        { method: request.method, headers: request.headers },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on("data", (chunk: Buffer) => chunks.push(chunk));
          answer.on("end", () => {
            const text = Buffer.concat(chunks);
            const operation = /^Logs_20140328\.(\w+)$/.exec(String(request.headers["x-amz-target"] ?? ""))?.[1];
            if (operation) observe(operation, Buffer.concat(body).toString("utf8"), text.toString("utf8"));
            const deliver = () => {
              if (response.destroyed) return;
              response.writeHead(answer.statusCode ?? 502, answer.headers);
              response.end(text);
            };
            if (operation !== "StartQuery") return deliver();
            const arrive = () => {
              onTheirWay.delete(arrive);
              deliver();
            };
            onTheirWay.add(arrive);
            setTimeout(() => holdAnswers || arrive(), START_QUERY_LATENCY_MS);
          });
        },
      );
      forward.on("error", () => response.destroy());
      forward.end(Buffer.concat(body));
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function startCollector(configFile: string, endpoint: string): ChildProcess {
  const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/collector.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: target.url,
      IMAGEFLEET_CONFIG: configFile,
      IMAGEFLEET_DEMO: "0",
      AWS_ENDPOINT_URL: endpoint,
      AWS_REGION: REGIONS[0],
      AWS_ACCESS_KEY_ID: "AKIASHUTDOWNTEST0000",
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
  return child;
}

/** SIGKILL to tsx alone would orphan the script's own process: that one goes first. */
function killTree(child: ChildProcess): void {
  const pid = child.pid!;
  const script = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
  for (const id of script.split(" ").filter(Boolean)) process.kill(Number(id), "SIGKILL");
  child.kill("SIGKILL");
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.exitCode !== null || child.signalCode
      ? resolve({ code: child.exitCode, signal: child.signalCode })
      : child.once("exit", (code, signal) => resolve({ code, signal })),
  );

/** tsx runs the script in a node process of its own: that one holds the connections and the handlers. */
function scriptPid(child: ChildProcess): Promise<number> {
  const pid = child.pid!;
  return until("the collector's node process", async () => {
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    return children ? Number(children.split(" ")[0]) : null;
  });
}

/** SQLite: since when the collector has held the write lock without a break. */
let lockedSince: number | null = null;
/**
 * SQLite: a lock held for this long is a unit's transaction — the other writes while units are
 * polled (a run's start, an account) are single statements that hold it for a moment.
 */
const UNIT_WRITE_MS = 20;

/** Whether `pid` holds a poll unit's write transaction open right now. */
async function unitWriteOpen(pid: number): Promise<boolean> {
  if (target.kind === "sqlite") {
    const shm = fs.statSync(`${target.file}-shm`, { throwIfNoEntry: false });
    const lock = new RegExp(`POSIX\\s+ADVISORY\\s+WRITE\\s+${pid}\\s+\\S+:${shm?.ino}\\s+120\\s+120\\b`);
    if (!shm || !lock.test(fs.readFileSync("/proc/locks", "utf8"))) {
      lockedSince = null;
      return false;
    }
    lockedSince ??= Date.now();
    return Date.now() - lockedSince >= UNIT_WRITE_MS;
  }
  // pg-boss names its connections; Prisma's carry the collector's writes. The test only reads.
  const { rows } = await monitor!.query<{ query: string }>(
    `SELECT query FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL
        AND application_name <> 'imagefleet-collector' AND state IN ('active', 'idle in transaction')`,
  );
  return rows.some((row) => UNIT_TABLES.test(row.query));
}

describe("collector graceful shutdown", () => {
  let atTerm: { running: string[]; finished: number; queries: string[]; startQueriesOnTheirWay: number };
  let exit: { code: number | null; signal: NodeJS.Signals | null };
  let exitMs: number;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 44, functions: 80, speed: 0 });
    proxy = await startProxy(sim.url);
    const configFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "imagefleet-shutdown-")), "config.json");
    fs.writeFileSync(
      configFile,
      JSON.stringify({
        regions: REGIONS,
        organization: { discover: true, roleName: READ_ONLY_ROLE_NAMES[0], externalId: REQUIRED_EXTERNAL_ID },
        collector: { intervalSeconds: 10 },
      }),
    );
    if (target.kind === "postgresql") {
      monitor = new pg.Client({ connectionString: target.url, application_name: "shutdown-test-monitor" });
      await monitor.connect();
    }
    collector = startCollector(configFile, `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`);
    const pid = await scriptPid(collector);

    // Insights queries running while a unit writes: freeze the collector there, then SIGTERM it.
    // The moment is a race (a unit write lasts 5–25 ms): on a busy machine it can take several cycles.
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (Date.now() > deadline) throw new Error(`never saw a write during Insights queries\n${output}`);
      if (collector.exitCode !== null) throw new Error(`the collector exited on its own\n${output}`);
      const inFlight = () => runningQueries().length > onTheirWay.size && onTheirWay.size > 0;
      if (inFlight() && (await unitWriteOpen(pid))) {
        holdAnswers = true;
        process.kill(pid, "SIGSTOP");
        await until("the process to stop", async () => / T /.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8")));
        if (inFlight() && (await unitWriteOpen(pid))) break;
        process.kill(pid, "SIGCONT");
        releaseAnswers();
      }
      await tick();
    }
    const runs = await db.pollRun.findMany();
    atTerm = {
      running: runs.filter((run) => run.status === "running").map((run) => run.id),
      finished: runs.filter((run) => run.status === "ok" || run.status === "partial").length,
      queries: runningQueries(),
      startQueriesOnTheirWay: onTheirWay.size,
    };
    // To the script's own process, as a process-group signal would: tsx forwards one sent to it
    // only if the script answers within 30 ms, and this one is frozen until SIGCONT.
    process.kill(pid, "SIGTERM");
    const termAt = Date.now();
    process.kill(pid, "SIGCONT");
    // The StartQuery answers held back arrive only once the collector has begun to shut down.
    await until("the collector to begin shutting down", async () => output.includes("shutting down"), PROMPT_MS);
    await sleep(200);
    releaseAnswers();
    exit = await exited(collector);
    exitMs = Date.now() - termAt;
  }, 180_000);

  afterAll(async () => {
    if (collector && collector.exitCode === null) {
      killTree(collector);
      await exited(collector);
    }
    await monitor?.end();
    await new Promise((resolve) => {
      proxy?.closeAllConnections();
      proxy ? proxy.close(resolve) : resolve(undefined);
    });
    await sim?.close();
  });

  it("exits 0 within seconds of SIGTERM", () => {
    expect(exit, output).toEqual({ code: 0, signal: null });
    expect(exitMs).toBeLessThan(PROMPT_MS);
    expect(output).toContain("shutting down");
  });

  it("stops every Insights query it started, also those whose StartQuery answer was on its way", () => {
    expect(atTerm.startQueriesOnTheirWay).toBeGreaterThan(0);
    expect(atTerm.queries.length).toBeGreaterThan(atTerm.startQueriesOnTheirWay);
    expect(runningQueries(), "queries left running in the simulator").toEqual([]);
    for (const id of atTerm.queries) expect(["Stopped", "Complete"]).toContain(queries.get(id));
    expect(stopQueryCalls).toBeGreaterThan(0);
  });

  it("finishes the write in progress and leaves no poll run running", async () => {
    const runs = await db.pollRun.findMany();
    expect(runs.filter((run) => run.status === "running")).toEqual([]);
    const inFlight = runs.filter((run) => atTerm.running.includes(run.id));
    expect(inFlight).toHaveLength(atTerm.running.length);
    // The unit that was writing committed; the ones still observing were cancelled (failed, with
    // nothing written but their record: see the consistency check below).
    expect(inFlight.filter((run) => run.status === "ok" || run.status === "partial").length).toBeGreaterThan(0);
    expect(runs.filter((run) => run.status === "ok" || run.status === "partial").length).toBeGreaterThan(
      atTerm.finished,
    );
  });

  it("leaves the database consistent", async () => {
    const [runs, snapshots, functions] = await Promise.all([
      db.pollRun.findMany(),
      db.fleetSnapshot.findMany(),
      db.function.findMany({ where: { deletedAt: null } }),
    ]);
    const byId = new Map(runs.map((run) => [run.id, run]));
    const totals = new Map<string, number>();
    for (const row of snapshots) {
      const run = byId.get(row.pollRunId ?? "");
      expect(["ok", "partial"], `fleet snapshot of run ${row.pollRunId}`).toContain(run?.status);
      totals.set(run!.id, (totals.get(run!.id) ?? 0) + row.count);
    }
    const latest = new Map<string, (typeof runs)[number]>();
    for (const run of runs.filter((r) => r.status === "ok" || r.status === "partial")) {
      expect(totals.get(run.id) ?? 0, `fleet snapshot of run ${run.id}`).toBe(run.functionsSeen);
      const unit = `${run.accountId}/${run.region}`;
      if (!latest.has(unit) || latest.get(unit)!.startedAt < run.startedAt) latest.set(unit, run);
    }
    // Each unit's functions were written together with its latest finished run, by no other.
    for (const fn of functions)
      expect(fn.lastSeenAt, fn.id).toEqual(latest.get(`${fn.accountId}/${fn.region}`)?.startedAt);
    if (target.kind === "sqlite") {
      const file = new Database(target.file!, { readonly: true });
      try {
        expect(file.pragma("integrity_check", { simple: true })).toBe("ok");
      } finally {
        file.close();
      }
    }
  });
});
