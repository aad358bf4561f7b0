import { parseArgs } from "node:util";

export const PARTS = ["collection", "polling", "database", "web", "scale"] as const;
/** `scale` (100,000 functions on PostgreSQL, a long load) runs only when asked for with --only. */
const DEFAULT_PARTS = PARTS.filter((part) => part !== "scale");
export type Part = (typeof PARTS)[number];

const OPTIONS = {
  only: { type: "string", default: DEFAULT_PARTS.join(",") },
  "sweep-fleet": { type: "string", default: "53700" },
  "sweep-scope": { type: "string", default: "333333333333/eu-west-1" },
  "multi-fleet": { type: "string", default: "25760" },
  "rate-fleet": { type: "string", default: "3000" },
  "rate-hours": { type: "string", default: "1" },
  "detect-fleet": { type: "string", default: "150" },
  "detect-days": { type: "string", default: "14" },
  "db-functions": { type: "string", default: "20000" },
  "db-days": { type: "string", default: "30" },
  "db-iterations": { type: "string", default: "20" },
  "scale-functions": { type: "string", default: "100000" },
  pg: { type: "string", default: process.env.IMAGEFLEET_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres" },
  "no-pg": { type: "boolean", default: false },
  "web-port": { type: "string", default: "3950" },
  "web-iterations": { type: "string", default: "10" },
  chromium: { type: "string", default: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
  help: { type: "boolean", default: false },
} as const;

export const USAGE = `Usage: npm run bench -- [flags]
  --only collection,polling,database,web   parts to run (default: all but scale)
  --only scale              100,000 functions × 30 days on PostgreSQL only (--scale-functions N)
  --sweep-fleet 53700       simulator size for the one-scope sweep (≈ 10,000 in --sweep-scope)
  --sweep-scope 333333333333/eu-west-1
  --multi-fleet 25760       simulator size for 5 accounts × 2 regions (≈ 20,000 functions)
  --rate-fleet 3000         simulator size for calls per function (one account × region polled)
  --rate-hours 1            simulated hours of 5-minute cycles for the call rates
  --detect-fleet 150        simulator size for the detection-delay run (whole organisation)
  --detect-days 14          simulated days searched for at-risk transitions
  --db-functions 20000 --db-days 30 --db-iterations 20
  --pg URL | --no-pg        PostgreSQL admin URL (default IMAGEFLEET_TEST_PG or 127.0.0.1:5432)
  --web-port 3950 --web-iterations 10 --chromium /usr/bin/chromium`;

export interface BenchFlags {
  parts: Set<Part>;
  sweepFleet: number;
  sweepScope: { accountId: string; region: string };
  multiFleet: number;
  rateFleet: number;
  rateHours: number;
  detectFleet: number;
  detectDays: number;
  dbFunctions: number;
  dbDays: number;
  dbIterations: number;
  scaleFunctions: number;
  postgresAdminUrl: string | null;
  webPort: number;
  webIterations: number;
  chromiumPath: string;
  help: boolean;
}

function positive(values: Record<string, unknown>, name: string): number {
  const raw = String(values[name]);
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number (got "${raw}")`);
  return value;
}

export function readFlags(args: string[]): BenchFlags {
  const { values } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false });
  const parts = new Set(values.only.split(",").map((p) => p.trim()));
  for (const part of parts) {
    if (!PARTS.includes(part as Part)) throw new Error(`--only: unknown part "${part}" (parts: ${PARTS.join(", ")})`);
  }
  const [accountId, region] = values["sweep-scope"].split("/");
  if (!accountId || !region) throw new Error(`--sweep-scope must be account/region (got "${values["sweep-scope"]}")`);
  return {
    parts: parts as Set<Part>,
    sweepFleet: positive(values, "sweep-fleet"),
    sweepScope: { accountId, region },
    multiFleet: positive(values, "multi-fleet"),
    rateFleet: positive(values, "rate-fleet"),
    rateHours: positive(values, "rate-hours"),
    detectFleet: positive(values, "detect-fleet"),
    detectDays: positive(values, "detect-days"),
    dbFunctions: positive(values, "db-functions"),
    dbDays: positive(values, "db-days"),
    dbIterations: positive(values, "db-iterations"),
    scaleFunctions: positive(values, "scale-functions"),
    postgresAdminUrl: values["no-pg"] ? null : values.pg,
    webPort: positive(values, "web-port"),
    webIterations: positive(values, "web-iterations"),
    chromiumPath: values.chromium,
    help: values.help,
  };
}
