import "server-only";
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { log } from "@/lib/log";
import type { RunningCollector } from "./collector";

/**
 * The web server's embedded collector runs in a child process of its own — the same code as
 * `npm run collector`, on the same database — so a collection cycle (SDK calls, parsing, bucket and
 * roll-up writes) never holds the event loop that serves pages. The child exits when this process
 * goes away without stopping it (its IPC channel closes).
 */
export function startCollectorProcess(env: NodeJS.ProcessEnv = process.env): RunningCollector {
  // Node itself with tsx's loader, not the tsx command: that one runs the script in a grandchild,
  // which our signals and IPC channel would not reach directly.
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", path.resolve("scripts/collector.ts"), "--embedded"],
    { stdio: ["ignore", "inherit", "inherit", "ipc"], env },
  );
  let stopping = false;
  const exited = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      if (!stopping) log.error({ code, signal }, "the collector process exited: the server goes on without collecting");
      resolve();
    });
  });
  child.once("error", (error) => log.error({ error: error.message }, "the collector process could not start"));
  log.info({ pid: child.pid }, "collector process started");
  return {
    stop: async () => {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
