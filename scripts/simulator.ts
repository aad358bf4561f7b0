import { parseArgs } from "node:util";
import { HUB_ACCOUNT_ID, startSimulator } from "@/lib/simulator";

const USAGE = `Usage: npm run simulator -- [--host 127.0.0.1] [--port 4566] [--seed 7] [--functions 500]
                             [--speed 1] [--quota-scale 1] [--idle-threshold-days 14] [--start-time ISO]`;

function fail(message: string): never {
  console.error(`simulator: ${message}\n${USAGE}`);
  process.exit(2);
}

function numberFlag(
  raw: string | undefined,
  name: string,
  check: (value: number) => boolean,
  rule: string,
): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value) || !check(value)) fail(`--${name} must be ${rule} (got "${raw}")`);
  return value;
}

const FLAGS = {
  host: { type: "string" },
  port: { type: "string" },
  seed: { type: "string" },
  functions: { type: "string" },
  speed: { type: "string" },
  "quota-scale": { type: "string" },
  "idle-threshold-days": { type: "string" },
  "start-time": { type: "string" },
  help: { type: "boolean" },
} as const;

function readFlags() {
  try {
    return parseArgs({ options: FLAGS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

const values = readFlags();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const startTime = typeof values["start-time"] === "string" ? Date.parse(values["start-time"]) : undefined;
if (startTime !== undefined && Number.isNaN(startTime))
  fail(`--start-time must be an ISO 8601 time (got "${String(values["start-time"])}")`);

const simulator = await startSimulator({
  host: values.host,
  port: numberFlag(
    values.port,
    "port",
    (value) => Number.isInteger(value) && value >= 0 && value <= 65_535,
    "an integer between 0 and 65535",
  ),
  seed: numberFlag(values.seed, "seed", Number.isInteger, "an integer"),
  functions: numberFlag(
    values.functions,
    "functions",
    (value) => Number.isInteger(value) && value >= 1 && value <= 100_000,
    "an integer between 1 and 100000",
  ),
  speed: numberFlag(values.speed, "speed", (value) => value >= 0, "a number ≥ 0"),
  quotaScale: numberFlag(
    values["quota-scale"],
    "quota-scale",
    (value) => value >= 0,
    "a number ≥ 0 (0 disables quotas)",
  ),
  idleThresholdDays: numberFlag(
    values["idle-threshold-days"],
    "idle-threshold-days",
    (value) => value > 0 && value <= 365,
    "a number of days in (0, 365]",
  ),
  startTime,
}).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));

console.log(`ImageFleet fleet simulator listening on ${simulator.url} (simulated now: ${simulator.truth.now().toISOString()})
Ground truth: ${simulator.url}/_simulator

Point the AWS SDK at it (any credentials act as the hub account ${HUB_ACCOUNT_ID}):
  export AWS_ENDPOINT_URL=${simulator.url}
  export AWS_REGION=us-east-1
  export AWS_ACCESS_KEY_ID=AKIAIMAGEFLEETDEMO01
  export AWS_SECRET_ACCESS_KEY=imagefleet-simulator`);

const shutdown = () => {
  void simulator.close().then(() => process.exit(0));
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
