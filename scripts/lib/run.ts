// Small helpers shared by the test and e2e scripts: run a step, find a browser, reach PostgreSQL.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import pg from "pg";

export function run(cmd: string, args: string[], env: Record<string, string | undefined> = {}): boolean {
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

/** Debian's Chromium when present; otherwise Playwright's own, installed when the network allows. */
export function chromiumPath(): string | undefined {
  for (const candidate of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  if (!run("node_modules/.bin/playwright", ["install", "chromium"])) {
    throw new Error("no Chromium found: install Debian's `chromium` or let `npx playwright install chromium` run");
  }
  return undefined;
}

export const pgAdminUrl = process.env.IMAGEFLEET_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";

export async function postgresReachable(url = pgAdminUrl): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function withPostgresDatabase<T>(name: string, use: (url: string) => Promise<T> | T): Promise<T> {
  const admin = new pg.Client(pgAdminUrl);
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    const url = new URL(pgAdminUrl);
    url.pathname = `/${name}`;
    return await use(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}
