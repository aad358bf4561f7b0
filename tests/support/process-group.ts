// A child process of a test (the collector, the web server) in a process group of its own, so that
// teardown ends all of it — tsx and `next start` run the real work in a second node process, which a
// signal to the first alone would orphan — and with its output kept for the failure report.
import { type ChildProcess, spawn } from "node:child_process";

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface GroupProcess {
  label: string;
  child: ChildProcess;
  /** Resolves once the group's leader exited. */
  exit: Promise<Exit>;
  /** What it wrote to stdout and stderr, the last 100,000 characters. */
  output(): string;
}

const KEPT_OUTPUT = 100_000;

export function spawnInGroup(label: string, command: string, args: string[], env: NodeJS.ProcessEnv): GroupProcess {
  // detached: the child leads a new process group (and session), whose id is its pid.
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk).slice(-KEPT_OUTPUT);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exit = new Promise<Exit>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return { label, child, exit, output: () => output };
}

/** SIGKILL to every process of the group, then waits for the leader's exit. */
export async function killGroup(group: GroupProcess): Promise<Exit> {
  try {
    process.kill(-group.child.pid!, "SIGKILL");
  } catch (error) {
    // ESRCH: the whole group is gone already.
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
  return group.exit;
}

/** The output of each process, labelled, for a failure report. */
export function describeOutput(groups: readonly GroupProcess[]): string {
  return groups
    .map((group) => `──── ${group.label} (pid ${group.child.pid}) output ────\n${group.output() || "(none)"}`)
    .join("\n");
}
