// `npm test`: everything CI checks, in order, stopping at the first failing step. The suite runs
// on SQLite and on PostgreSQL (127.0.0.1:5432 or IMAGEFLEET_TEST_PG; required when CI is set).
import "./lib/require-node";
import fs from "node:fs";
import { pgAdminUrl, postgresReachable, run } from "./lib/run";

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Counts = { passed: 0, failed: 0, skipped: 0 };

function countVitest(file: string) {
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  total.passed += r.numPassedTests;
  total.failed += r.numFailedTests;
  total.skipped += r.numPendingTests + r.numTodoTests;
}
function countPlaywright(file: string) {
  const { stats } = JSON.parse(fs.readFileSync(file, "utf8"));
  total.passed += stats.expected + stats.flaky;
  total.failed += stats.unexpected;
  total.skipped += stats.skipped;
}

function step(name: string, ok: boolean) {
  if (ok) return;
  console.error(`\n✗ ${name} failed`);
  console.log(`\ntests: ${total.passed} passed, ${Math.max(total.failed, 1)} failed, ${total.skipped} skipped`);
  process.exit(1);
}

const withPostgres = await postgresReachable();
if (!withPostgres) {
  if (process.env.CI) step(`PostgreSQL at ${pgAdminUrl} (required in CI)`, false);
  console.warn(`\n! PostgreSQL not reachable at ${pgAdminUrl}: the PostgreSQL passes are skipped\n`);
}

fs.mkdirSync("test-results", { recursive: true });
const vitest = (label: string, args: string[], env: Record<string, string> = {}) => {
  const out = `test-results/vitest-${label}.json`;
  const ok = run(
    "node_modules/.bin/vitest",
    ["run", ...args, "--reporter=default", "--reporter=json", `--outputFile=${out}`],
    env,
  );
  if (fs.existsSync(out)) countVitest(out);
  step(`vitest (${label})`, ok);
};
const e2e = (label: string, args: string[]) => {
  const ok = run("node_modules/.bin/tsx", ["scripts/e2e.ts", ...args]);
  for (const report of [`test-results/e2e-${label}.json`, `test-results/e2e-auth-${label}.json`]) {
    if (fs.existsSync(report)) countPlaywright(report);
  }
  step(`e2e (${label})`, ok);
};

step("schema sync", run("node_modules/.bin/tsx", ["scripts/generate.ts", "--check"]));
step("typecheck", run("node_modules/.bin/tsc", ["--noEmit"]));
step("lint", run("node_modules/.bin/biome", ["ci", "."]));
step("layer rules", run("npm", ["run", "--silent", "lint:layers"]));
vitest("sqlite", []);
if (withPostgres) vitest("postgresql", ["--project", "integration"], { IMAGEFLEET_TEST_PG: pgAdminUrl });
step("build", run("npm", ["run", "build"], { NEXT_TELEMETRY_DISABLED: "1" }));
e2e("sqlite", []);
if (withPostgres) e2e("postgresql", ["--postgres"]);

console.log(`\ntests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
