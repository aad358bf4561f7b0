// Playwright against the production build on a fresh database:
//   npm run test:e2e [-- --postgres] [-- playwright args]
// The build must exist (`npm run build`); `npm test` does all of it in order.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromiumPath, run, withPostgresDatabase } from "./lib/run";

const usePostgres = process.argv.includes("--postgres");
const extra = process.argv.slice(2).filter((a) => a !== "--postgres");

if (!fs.existsSync(".next/BUILD_ID")) {
  console.error("no production build: run `npm run build` first");
  process.exit(1);
}

const executable = chromiumPath();
const report = path.resolve(`test-results/e2e-${usePostgres ? "postgresql" : "sqlite"}.json`);
const playwright = (databaseUrl: string) =>
  run("node_modules/.bin/playwright", ["test", ...extra], {
    DATABASE_URL: databaseUrl,
    CHROMIUM_PATH: executable,
    E2E_JSON_REPORT: report,
  });

const ok = usePostgres
  ? await withPostgresDatabase(`imagefleet_e2e_${process.pid}`, playwright)
  : playwright(`file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "imagefleet-e2e-")), "e2e.db")}`);
process.exit(ok ? 0 : 1);
