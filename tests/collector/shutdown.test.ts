// Graceful shutdown of the collector process: SIGTERM in the middle of a cycle — a unit's write
// transaction open, Logs Insights queries running — stops every query it started, finishes that
// write, closes every poll run and exits 0.
//
// The moment is built, not sampled. An HTTP proxy between the collector and the fleet simulator
// follows every Insights query and holds two units (account × region, told apart by the key and
// region that sign their requests) in place: the first whose query starts gets none of its
// GetQueryResults calls through (the simulator never hears them: the query stays running, the
// collector waits on it), the second none of its StartQuery answers (the simulator started the
// query, the collector has not heard so). The other units go on. The collector runs with the write
// gate (lib/db/writes/write-gate.ts): each unit's write, its transaction open, waits for the test,
// which lets every write commit until both units are held and keeps the next one open. Then it
// sends SIGTERM, and releases each held part once the collector has dealt with the one before.
//
// `npm start` has no shutdown of its own to test here: on SIGTERM Next.js closes its HTTP server
// and exits 143, and the collector embedded in it stops wherever it is (which is crash-safe).
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { databaseTarget } from "@/lib/db/url";
import { READ_ONLY_ROLE_NAMES, REGIONS, REQUIRED_EXTERNAL_ID, type Simulator, startSimulator } from "@/lib/simulator";
import { type CollectorProcess, CollectorProcesses, until } from "../support/collector-process";
import { WriteGate } from "../support/write-gate";

const target = databaseTarget();

let sim: Simulator;
let proxy: http.Server;
let configFile: string;
let collector: CollectorProcess;
const gate = new WriteGate();
const processes = new CollectorProcesses(() => ({
  databaseUrl: target.url,
  configFile,
  endpoint: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
  accessKeyId: "AKIASHUTDOWNTEST0000",
  env: { IMAGEFLEET_TEST_WRITE_GATE: gate.directory },
}));

type QueryState = "running" | "Complete" | "Failed" | "Cancelled" | "Stopped";
/** Every Insights query the simulator started, by id: "running" until an answer shows it ended. */
const queries = new Map<string, { unit: string; state: QueryState }>();
let stopQueryCalls = 0;

/** The unit whose GetQueryResults calls are held, and the one whose StartQuery answers are. */
const held: { polling: string | null; starting: string | null } = { polling: null, starting: null };
/** Held StartQuery answers, each delivered by calling it; null once they were released. */
let heldStartAnswers: (() => void)[] | null = [];
/** Held GetQueryResults calls: never forwarded, never answered (the collector gives up on them). */
const heldPolls: http.ServerResponse[] = [];

const queriesOf = (unit: string | null) => [...queries.values()].filter((query) => query.unit === unit);
const runningQueries = () => [...queries].filter(([, query]) => query.state === "running").map(([id]) => id);

/** "access key/region" of a signed request: one account × region of the collector. */
function unitOf(request: http.IncomingMessage): string {
  const credential = /Credential=([^/]+)\/\d+\/([^/]+)\//.exec(String(request.headers.authorization ?? ""));
  return credential ? `${credential[1]}/${credential[2]}` : "unsigned";
}

function parse(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** Notes what each Logs Insights call did, from the request and the simulator's answer. */
function observe(operation: string, unit: string, request: string, answer: string) {
  const answered = parse(answer);
  const { queryId } = { ...parse(request), ...answered } as { queryId?: string };
  if (!queryId) return;
  if (operation === "StartQuery") queries.set(queryId, { unit, state: "running" });
  const query = queries.get(queryId);
  if (!query) return;
  if (operation === "GetQueryResults" && ["Complete", "Failed", "Cancelled"].includes(answered.status as string))
    query.state = answered.status as QueryState;
  if (operation === "StopQuery") {
    stopQueryCalls++;
    // success: false — the query had already ended.
    if (answered.success === true) query.state = "Stopped";
  }
}

/** Whether this StartQuery answer stays with the proxy; the first two units to start a query get held. */
function holdStartAnswer(unit: string, answer: string): boolean {
  if (!parse(answer).queryId) return false;
  held.polling ??= unit;
  if (unit !== held.polling) held.starting ??= unit;
  return unit === held.starting && heldStartAnswers !== null;
}

function startProxy(upstream: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const body: Buffer[] = [];
    request.on("data", (chunk: Buffer) => body.push(chunk));
    request.on("end", () => {
      const operation = /^Logs_20140328\.(\w+)$/.exec(String(request.headers["x-amz-target"] ?? ""))?.[1];
      const unit = unitOf(request);
      if (operation === "GetQueryResults" && unit === held.polling) {
        heldPolls.push(response);
        return;
      }
      const forward = http.request(
        new URL(request.url ?? "/", upstream),
        { method: request.method, headers: request.headers },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on("data", (chunk: Buffer) => chunks.push(chunk));
          answer.on("end", () => {
            const text = Buffer.concat(chunks);
            if (operation) observe(operation, unit, Buffer.concat(body).toString("utf8"), text.toString("utf8"));
            const deliver = () => {
              if (response.destroyed) return;
              response.writeHead(answer.statusCode ?? 502, answer.headers);
              response.end(text);
            };
            if (operation === "StartQuery" && holdStartAnswer(unit, text.toString("utf8")))
              heldStartAnswers!.push(deliver);
            else deliver();
          });
        },
      );
      forward.on("error", () => response.destroy());
      forward.end(Buffer.concat(body));
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function releaseStartAnswers() {
  const answers = heldStartAnswers ?? [];
  heldStartAnswers = null;
  for (const deliver of answers) deliver();
}

const exitOf = (child: CollectorProcess) =>
  child.child.exitCode !== null || child.child.signalCode
    ? { code: child.child.exitCode, signal: child.child.signalCode }
    : null;

describe("collector graceful shutdown", () => {
  let writer: string;
  let atTerm: { running: string[]; polling: string[]; starting: number };
  /** What held when the queries being polled were stopped: the writer's run, still uncommitted. */
  let writerWhenStopped: string | undefined;
  let exit: Awaited<CollectorProcess["exit"]>;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 44, functions: 80, speed: 0 });
    proxy = await startProxy(sim.url);
    configFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "imagefleet-shutdown-")), "config.json");
    fs.writeFileSync(
      configFile,
      JSON.stringify({
        regions: REGIONS,
        organization: { discover: true, roleName: READ_ONLY_ROLE_NAMES[0], externalId: REQUIRED_EXTERNAL_ID },
        // Four units at a time: two stay held, the other two go on and reach their writes.
        collector: { intervalSeconds: 10, accountConcurrency: 4 },
      }),
    );
    collector = processes.start();
    const pid = await collector.scriptPid();

    const bothHeld = () =>
      queriesOf(held.polling).some((query) => query.state === "running") && (heldStartAnswers?.length ?? 0) > 0;
    writer = await gate.holdWhen("a unit write open while Insights queries are held", bothHeld, collector);

    const runs = await db.pollRun.findMany();
    atTerm = {
      running: runs.filter((run) => run.status === "running").map((run) => run.id),
      polling: runningQueries().filter((id) => queries.get(id)!.unit === held.polling),
      starting: heldStartAnswers!.length,
    };
    // To the script's own process: tsx relays a SIGTERM sent to it, but the script is the one that listens.
    process.kill(pid, "SIGTERM");
    await until("the collector to begin shutting down", () => collector.output().includes("shutting down"));
    await until("the collector to stop the queries it was polling", () =>
      queriesOf(held.polling).every((query) => query.state !== "running"),
    );
    writerWhenStopped = (await db.pollRun.findUnique({ where: { id: writer } }))?.status;
    // The StartQuery answers held back arrive only now, once the collector is shutting down.
    releaseStartAnswers();
    await until("the collector to stop the queries whose StartQuery answer came late", () =>
      queriesOf(held.starting).every((query) => query.state !== "running"),
    );
    gate.commit(writer);
    // Writes queued behind the held one are finished too.
    exit = await until("the collector to exit", () => {
      gate.commitAll();
      return exitOf(collector);
    });
  }, 180_000);

  processes.tearDownAfterAll(async () => {
    for (const response of heldPolls) response.destroy();
    await new Promise((resolve) => {
      proxy?.closeAllConnections();
      proxy ? proxy.close(resolve) : resolve(undefined);
    });
    await sim?.close();
    gate.remove();
  });

  it("exits 0 after SIGTERM, once the write in progress committed", () => {
    expect(exit).toEqual({ code: 0, signal: null });
    expect(collector.output()).toContain("shutting down");
  });

  it("stops the queries it was polling while the write is still open", () => {
    expect(atTerm.polling.length).toBeGreaterThan(0);
    for (const id of atTerm.polling) expect(queries.get(id)?.state, id).toBe("Stopped");
    expect(writerWhenStopped).toBe("running");
  });

  it("stops the queries whose StartQuery answer was on its way at SIGTERM", () => {
    expect(atTerm.starting).toBeGreaterThan(0);
    // At least those: a StartQuery the collector had sent but the simulator not yet answered joins them.
    expect(queriesOf(held.starting).length).toBeGreaterThanOrEqual(atTerm.starting);
    for (const query of queriesOf(held.starting)) expect(query.state).toBe("Stopped");
  });

  it("leaves no Insights query running", () => {
    expect(runningQueries(), "queries left running in the simulator").toEqual([]);
    expect(stopQueryCalls).toBeGreaterThanOrEqual(atTerm.polling.length + atTerm.starting);
  });

  it("finishes the write in progress, cancels the units still observing and leaves no poll run running", async () => {
    const runs = await db.pollRun.findMany();
    expect(runs.filter((run) => run.status === "running")).toEqual([]);
    expect(atTerm.running).toContain(writer);
    expect(["ok", "partial"]).toContain(runs.find((run) => run.id === writer)?.status);
    // The two held units were cancelled: failed, with nothing written but their record (see below).
    const inFlight = runs.filter((run) => atTerm.running.includes(run.id));
    expect(inFlight).toHaveLength(atTerm.running.length);
    expect(inFlight.filter((run) => run.status === "failed").length).toBeGreaterThanOrEqual(2);
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
