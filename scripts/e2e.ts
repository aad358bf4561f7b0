// Playwright against the production build on a fresh database:
//   npm run test:e2e [-- --postgres] [-- playwright args]
// The build must exist (`npm run build`); `npm test` does all of it in order. On SQLite a second
// pass runs playwright.auth.config.ts: the same build with sign-in on, against a local OpenID
// provider, on its own database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromiumPath, run, withPostgresDatabase } from "./lib/run";

const usePostgres = process.argv.includes("--postgres");
const extra = process.argv.slice(2).filter((a) => a !== "--postgres");
// A spec filter meant for one pass finds nothing in the other.
const filterArgs = extra.length ? [...extra, "--pass-with-no-tests"] : [];

if (!fs.existsSync(".next/BUILD_ID")) {
  console.error("no production build: run `npm run build` first");
  process.exit(1);
}

const executable = chromiumPath();
const database = usePostgres ? "postgresql" : "sqlite";
const scratchSqlite = (name: string) =>
  `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "imagefleet-e2e-")), `${name}.db`)}`;
const playwright = (databaseUrl: string, config: string, report: string) =>
  run("node_modules/.bin/playwright", ["test", "--config", config, ...filterArgs], {
    DATABASE_URL: databaseUrl,
    CHROMIUM_PATH: executable,
    E2E_JSON_REPORT: path.resolve(`test-results/${report}-${database}.json`),
  });
const main = (databaseUrl: string) => playwright(databaseUrl, "playwright.config.ts", "e2e");
const signedIn = () => playwright(scratchSqlite("e2e-auth"), "playwright.auth.config.ts", "e2e-auth");

const ok = usePostgres
  ? await withPostgresDatabase(`imagefleet_e2e_${process.pid}`, main)
  : [main(scratchSqlite("e2e")), signedIn()].every(Boolean);
process.exit(ok ? 0 : 1);
