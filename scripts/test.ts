// `npm test`: everything CI checks, in order. A failing step does not stop the run: every step runs
// (the browser passes only on a build), the end lists each step's result, and the exit code is 1
// when any step failed or could not run. The suite runs on SQLite and on PostgreSQL (127.0.0.1:5432
// or IMAGEFLEET_TEST_PG; required when CI is set).
import "./lib/require-node";
import fs from "node:fs";
import { pgAdminUrl, postgresReachable, run } from "./lib/run";

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface StepResult {
  name: string;
  outcome: "passed" | "failed" | "not run" | "skipped";
  /** Why a step did not run or was skipped. */
  reason?: string;
  counts?: Counts;
}

const results: StepResult[] = [];

function record(result: StepResult): boolean {
  results.push(result);
  if (result.outcome === "failed") console.error(`\n✗ ${result.name} failed: going on with the next step`);
  return result.outcome === "passed";
}

const step = (name: string, ok: boolean) => record({ name, outcome: ok ? "passed" : "failed" });

/** Runs a test pass that writes JSON reports; a report left from an earlier run is removed first. */
function testPass(name: string, reports: string[], count: (file: string) => Counts, pass: () => boolean): boolean {
  for (const report of reports) fs.rmSync(report, { force: true });
  const ok = pass();
  const written = reports.filter((report) => fs.existsSync(report));
  if (written.length === 0) return record({ name, outcome: ok ? "passed" : "failed", reason: "no test report" });
  const counts = written.map(count).reduce((sum, c) => ({
    passed: sum.passed + c.passed,
    failed: sum.failed + c.failed,
    skipped: sum.skipped + c.skipped,
  }));
  return record({ name, outcome: ok ? "passed" : "failed", counts });
}

function countVitest(file: string): Counts {
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

function countPlaywright(file: string): Counts {
  const { stats } = JSON.parse(fs.readFileSync(file, "utf8"));
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

const vitest = (label: string, args: string[], env: Record<string, string> = {}) => {
  const out = `test-results/vitest-${label}.json`;
  testPass(`vitest (${label})`, [out], countVitest, () =>
    run(
      "node_modules/.bin/vitest",
      ["run", ...args, "--reporter=default", "--reporter=json", `--outputFile=${out}`],
      env,
    ),
  );
};

const e2e = (label: string, args: string[]) => {
  const reports = [`test-results/e2e-${label}.json`, `test-results/e2e-auth-${label}.json`];
  testPass(`e2e (${label})`, reports, countPlaywright, () => run("node_modules/.bin/tsx", ["scripts/e2e.ts", ...args]));
};

/**
 * Test counts; a step that failed without a failing test to show for it (a type error, a crash, a
 * failing build) counts as one. A pass that could not run counts nothing: the list says so.
 */
function total(): Counts {
  const sum: Counts = { passed: 0, failed: 0, skipped: 0 };
  for (const result of results) {
    sum.passed += result.counts?.passed ?? 0;
    sum.skipped += result.counts?.skipped ?? 0;
    const failedTests = result.counts?.failed ?? 0;
    sum.failed += failedTests || (result.outcome === "failed" ? 1 : 0);
  }
  return sum;
}

function describe(result: StepResult): string {
  const mark = { passed: "✓", failed: "✗", "not run": "✗", skipped: "-" }[result.outcome];
  const counts =
    result.counts && `${result.counts.passed} passed, ${result.counts.failed} failed, ${result.counts.skipped} skipped`;
  const detail = [result.outcome === "passed" ? null : result.outcome, result.reason, counts]
    .filter(Boolean)
    .join(": ");
  return `  ${mark} ${result.name}${detail ? ` — ${detail}` : ""}`;
}

const withPostgres = await postgresReachable();
const noPostgres = `PostgreSQL not reachable at ${pgAdminUrl}`;
if (!withPostgres) {
  if (process.env.CI) record({ name: "PostgreSQL (required in CI)", outcome: "failed", reason: noPostgres });
  else console.warn(`\n! ${noPostgres}: the PostgreSQL passes are skipped\n`);
}
/** Without PostgreSQL its passes are skipped, or, in CI, could not run. */
const postgresPass = (name: string, pass: () => void) =>
  withPostgres ? pass() : record({ name, outcome: process.env.CI ? "not run" : "skipped", reason: noPostgres });

fs.mkdirSync("test-results", { recursive: true });
step("schema sync", run("node_modules/.bin/tsx", ["scripts/generate.ts", "--check"]));
step("typecheck", run("node_modules/.bin/tsc", ["--noEmit"]));
step("lint", run("node_modules/.bin/biome", ["ci", "."]));
step("layer rules", run("npm", ["run", "--silent", "lint:layers"]));
vitest("sqlite", []);
postgresPass("vitest (postgresql)", () =>
  vitest("postgresql", ["--project", "integration"], { IMAGEFLEET_TEST_PG: pgAdminUrl }),
);
const built = step("build", run("npm", ["run", "build"], { NEXT_TELEMETRY_DISABLED: "1" }));
const browserPass = (label: string, args: string[]) =>
  built ? e2e(label, args) : record({ name: `e2e (${label})`, outcome: "not run", reason: "the build failed" });
browserPass("sqlite", []);
postgresPass("e2e (postgresql)", () => browserPass("postgresql", ["--postgres"]));

console.log(`\nresults:\n${results.map(describe).join("\n")}`);
const { passed, failed, skipped } = total();
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(results.some((result) => result.outcome === "failed" || result.outcome === "not run") ? 1 : 0);
