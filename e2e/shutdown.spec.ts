// `npm start`'s server on SIGTERM: the embedded collector's process stops (AWS calls cancelled, the
// write in progress finished) before the server exits 0, and no poll run is left running.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";

// Its own server, beside the suite's: a port of its own (E2E_SHUTDOWN_PORT when several suites share a machine).
const PORT = Number(process.env.E2E_SHUTDOWN_PORT ?? 3197);

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

test("the server stops its collector and exits cleanly on SIGTERM", async ({ request }) => {
  test.skip(
    process.env.DATABASE_URL?.startsWith("postgres") ?? false,
    "runs its own SQLite server once, in the SQLite pass",
  );
  test.setTimeout(180_000);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "imagefleet-shutdown-")), "shutdown.db");
  let output = "";
  const server = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(PORT)], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${file}`,
      IMAGEFLEET_DEMO: "1",
      NEXT_MANUAL_SIG_HANDLE: "1",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk) => (output += chunk));
  server.stderr?.on("data", (chunk) => (output += chunk));
  const exited = exitOf(server);
  try {
    // Signal while the first cycle is polling: its units are mid-flight.
    await expect
      .poll(
        async () => {
          const health = await request.get(`http://127.0.0.1:${PORT}/api/health`).catch(() => null);
          if (!health?.ok() || !fs.existsSync(file)) return 0;
          const db = new Database(file, { readonly: true });
          try {
            return (db.prepare("SELECT COUNT(*) AS n FROM PollRun").get() as { n: number }).n;
          } finally {
            db.close();
          }
        },
        { timeout: 120_000, intervals: [100] },
      )
      .toBeGreaterThan(0);
    server.kill("SIGTERM");
    expect(await Promise.race([exited, new Promise((r) => setTimeout(() => r("timeout"), 30_000))])).toBe(0);
  } finally {
    if (server.exitCode === null) server.kill("SIGKILL");
  }
  expect(output).toContain("collector process started");
  expect(output).toContain("shutting down: stopping the collector");
  const db = new Database(file, { readonly: true });
  try {
    expect(db.prepare("SELECT COUNT(*) AS n FROM PollRun WHERE status = 'running'").get()).toEqual({ n: 0 });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
  } finally {
    db.close();
  }
});
