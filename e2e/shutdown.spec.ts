// `npm start`'s server on SIGTERM: the embedded collector's process stops (AWS calls cancelled, the
// write in progress finished) before the server exits 0, and no poll run is left running.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { describeOutput, killGroup, spawnInGroup } from "../tests/support/process-group";

/** A port nobody listens on now: a fixed one would collide with a concurrent run of the suite. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

test("the server stops its collector and exits cleanly on SIGTERM", async ({ request }, testInfo) => {
  test.skip(
    process.env.DATABASE_URL?.startsWith("postgres") ?? false,
    "runs its own SQLite server once, in the SQLite pass",
  );
  test.setTimeout(180_000);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "imagefleet-shutdown-")), "shutdown.db");
  const port = await freePort();
  const server = spawnInGroup(
    "next start",
    "node_modules/.bin/next",
    ["start", "-H", "127.0.0.1", "-p", String(port)],
    {
      ...process.env,
      DATABASE_URL: `file:${file}`,
      IMAGEFLEET_DEMO: "1",
      NEXT_MANUAL_SIG_HANDLE: "1",
      LOG_LEVEL: "info",
    },
  );
  try {
    // Signal while the first cycle is polling: its units are mid-flight.
    await expect
      .poll(
        async () => {
          const health = await request.get(`http://127.0.0.1:${port}/api/health`).catch(() => null);
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
    server.child.kill("SIGTERM");
    const exit = await Promise.race([server.exit, new Promise((r) => setTimeout(() => r("no exit in 30 s"), 30_000))]);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain("collector process started");
    expect(server.output()).toContain("shutting down: stopping the collector");
  } catch (error) {
    await testInfo.attach("server output", { body: describeOutput([server]), contentType: "text/plain" });
    throw error;
  } finally {
    await killGroup(server);
  }
  const db = new Database(file, { readonly: true });
  try {
    expect(db.prepare("SELECT COUNT(*) AS n FROM PollRun WHERE status = 'running'").get()).toEqual({ n: 0 });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
  } finally {
    db.close();
  }
});
