// The collector-process tests' one way to run `scripts/collector.ts` as its own process: spawned in a
// process group of its own (tsx runs the script in a second node process), the whole group killed
// at teardown, and every process's output printed when anything in the test file failed.
import fs from "node:fs";
import { afterAll, type RunnerTask, type RunnerTestFile, type RunnerTestSuite } from "vitest";
import { REGIONS } from "@/lib/simulator";
import { describeOutput, type GroupProcess, killGroup, spawnInGroup } from "./process-group";

export interface CollectorProcess extends GroupProcess {
  /** The node process running the script (tsx's child): it holds the connections and the signal handlers. */
  scriptPid(): Promise<number>;
}

export interface CollectorSettings {
  databaseUrl: string;
  configFile: string;
  /** AWS_ENDPOINT_URL: the simulator, or a proxy in front of it. */
  endpoint: string;
  /** Names the hub's credentials, so that each test's calls can be told apart in the simulator's logs. */
  accessKeyId: string;
  logLevel?: string;
  env?: Record<string, string>;
}

/** Polls `probe` until it returns something truthy; a timeout names what never happened. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function failed(task: RunnerTask | RunnerTestSuite | RunnerTestFile): boolean {
  if (task.result?.state === "fail") return true;
  return "tasks" in task && task.tasks.some(failed);
}

export class CollectorProcesses {
  private readonly started: CollectorProcess[] = [];

  constructor(private readonly settings: () => CollectorSettings) {}

  /** `env` adds to, or overrides, the settings' environment for this process. */
  start(args: string[] = [], options: { label?: string; env?: Record<string, string> } = {}): CollectorProcess {
    const settings = this.settings();
    const label = options.label ?? `collector ${this.started.length + 1}`;
    const group = spawnInGroup(
      label,
      "node_modules/.bin/tsx",
      ["--conditions=react-server", "scripts/collector.ts", ...args],
      {
        ...process.env,
        DATABASE_URL: settings.databaseUrl,
        IMAGEFLEET_CONFIG: settings.configFile,
        IMAGEFLEET_DEMO: "0",
        AWS_ENDPOINT_URL: settings.endpoint,
        AWS_REGION: REGIONS[0],
        AWS_ACCESS_KEY_ID: settings.accessKeyId,
        AWS_SECRET_ACCESS_KEY: "test",
        LOG_LEVEL: settings.logLevel ?? "info",
        ...settings.env,
        ...options.env,
      },
    );
    const pid = group.child.pid!;
    const collector: CollectorProcess = {
      ...group,
      scriptPid: () =>
        until(`the node process of ${label}`, () => {
          if (group.child.exitCode !== null || group.child.signalCode) throw new Error(`${label} exited`);
          const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
          return children ? Number(children.split(" ")[0]) : null;
        }),
    };
    this.started.push(collector);
    return collector;
  }

  /** Everything the processes wrote, labelled. */
  output(): string {
    return describeOutput(this.started);
  }

  /**
   * Registers the suite's afterAll: prints the processes' output when anything in the suite failed
   * (its beforeAll included), kills every group, then runs `release` (the simulator, a proxy…).
   */
  tearDownAfterAll(release: () => Promise<void>): void {
    // biome-ignore lint/correctness/noEmptyPattern: vitest passes the suite second, and reads the first as fixtures
    afterAll(async ({}, suite) => {
      if (failed(suite as RunnerTestSuite)) console.error(this.output());
      await Promise.all(this.started.map(killGroup));
      await release();
    });
  }
}
