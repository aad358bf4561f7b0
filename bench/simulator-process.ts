import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

export interface SimulatorProcessOptions {
  seed: number;
  functions: number;
  startTime: Date;
  /** 0 freezes the clock: the benchmark steps it. */
  speed: number;
  /** 0 disables throttling. */
  quotaScale: number;
}

export interface ApiCallCount {
  accountId: string;
  region: string;
  service: string;
  operation: string;
  calls: number;
  throttled: number;
  errors: number;
}

export interface TruthFunction {
  arn: string;
  name: string;
  accountId: string;
  region: string;
}

export interface TruthTransition {
  at: string;
  from: string | null;
  to: string;
  stateReasonCode: string | null;
  cause: string;
}

/**
 * The fleet simulator in a process of its own: it plays AWS, so it must not share the event loop
 * (and CPU core) of the client being measured. Ground truth is read over its HTTP routes.
 */
export class SimulatorProcess {
  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(options: SimulatorProcessOptions): Promise<SimulatorProcess> {
    const args = [
      "--import",
      "tsx",
      "scripts/simulator.ts",
      "--port",
      "0",
      "--seed",
      String(options.seed),
      "--functions",
      String(options.functions),
      "--speed",
      String(options.speed),
      "--quota-scale",
      String(options.quotaScale),
      "--start-time",
      options.startTime.toISOString(),
    ];
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    const url = await new Promise<string>((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`simulator exited with code ${code} before listening`)));
      const lines = createInterface({ input: child.stdout! });
      lines.on("line", (line) => {
        const match = /listening on (http:\/\/\S+)/.exec(line);
        if (match?.[1]) resolve(match[1]);
      });
    });
    child.removeAllListeners("exit");
    return new SimulatorProcess(url, child);
  }

  async setClock(at: Date): Promise<void> {
    await this.request("POST", "/_simulator/clock", { set: at.toISOString() });
  }

  async apiCalls(): Promise<ApiCallCount[]> {
    return ((await this.request("GET", "/_simulator/api-calls")) as { calls: ApiCallCount[] }).calls;
  }

  async resetApiCalls(): Promise<void> {
    await this.request("DELETE", "/_simulator/api-calls");
  }

  async functions(filter: { accountId?: string; region?: string } = {}): Promise<TruthFunction[]> {
    const query = new URLSearchParams({ limit: "1000000" });
    if (filter.accountId) query.set("accountId", filter.accountId);
    if (filter.region) query.set("region", filter.region);
    const answer = (await this.request("GET", `/_simulator/functions?${query}`)) as { functions: TruthFunction[] };
    return answer.functions;
  }

  async transitions(ref: string, from: Date, to: Date): Promise<TruthTransition[]> {
    const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() });
    const path = `/_simulator/functions/${encodeURIComponent(ref)}/transitions?${query}`;
    return ((await this.request("GET", path)) as { transitions: TruthTransition[] }).transitions;
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill("SIGTERM");
    await exited;
  }

  private async request(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`simulator ${method} ${path}: HTTP ${response.status}`);
    return response.json();
  }
}
