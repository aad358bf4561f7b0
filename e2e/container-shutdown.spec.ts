// The container image's command line, run as `docker stop` treats it (without Docker): SIGTERM to
// the process the image starts — and only to it — ends every process of the server within
// Docker's 10-second grace, with exit code 0, before Docker would resort to SIGKILL.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

/** The Dockerfile's last CMD, exec form. */
function imageCommand(): string[] {
  const lines = fs.readFileSync("Dockerfile", "utf8").split("\n");
  const cmd = lines.filter((line) => line.startsWith("CMD ")).at(-1);
  if (!cmd) throw new Error("the Dockerfile has no CMD");
  return JSON.parse(cmd.slice(4)) as string[];
}

/** A port nobody listens on right now (the test's own server must not collide with other runs). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The group's processes, for the failure message. */
function groupProcesses(pgid: number): string {
  try {
    return execFileSync("ps", ["-o", "pid,ppid,stat,args", "-g", String(pgid)], { encoding: "utf8" });
  } catch {
    return "(none)";
  }
}

/** Whether any process of the group is still alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

test("the image's command exits cleanly within 10 s of SIGTERM, leaving no process behind", async ({ request }) => {
  test.skip(
    process.env.DATABASE_URL?.startsWith("postgres") ?? false,
    "runs its own SQLite server once, in the SQLite pass",
  );
  test.setTimeout(180_000);
  const [command, ...args] = imageCommand();
  const port = await freePort();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "imagefleet-image-cmd-")), "image.db");
  let output = "";
  // Its own process group, as in the container's PID namespace: what is left in it after the exit is an orphan.
  const server = spawn(command!, args, {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${file}`,
      IMAGEFLEET_DEMO: "1",
      IMAGEFLEET_DEMO_FUNCTIONS: "50",
      LOG_LEVEL: "info",
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk) => (output += chunk));
  server.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
  const pgid = server.pid!;
  try {
    await expect
      .poll(async () => (await request.get(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.ok() ?? false, {
        timeout: 150_000,
        intervals: [250],
        message: "waiting for the server to serve /api/health",
      })
      .toBe(true);
    server.kill("SIGTERM");
    const outcome = await Promise.race([
      exited.then((code) => ({ code })),
      new Promise((resolve) => setTimeout(() => resolve("still running 10 s after SIGTERM"), 10_000)),
    ]);
    expect(outcome, output).toEqual({ code: 0 });
    // Helpers that see their parent go (the loader's esbuild service) may take a moment on a busy machine.
    await expect
      .poll(() => groupAlive(pgid), {
        timeout: 5_000,
        message: `processes of the server outlived it:\n${groupProcesses(pgid)}`,
      })
      .toBe(false);
  } finally {
    if (groupAlive(pgid)) process.kill(-pgid, "SIGKILL");
  }
});
