import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { quantile } from "./stats";
import type { Row } from "./table";

export interface WebOptions {
  port: number;
  iterations: number;
  chromiumPath: string;
}

export interface PageTiming {
  path: string;
  ttfbMs: number[];
  lcpMs: number[];
}

export interface WebResult {
  buildSeconds: number | null;
  pages: PageTiming[];
}

const PAGES = ["/", "/functions"];
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const READY_TIMEOUT_MS = 180_000;

/**
 * `next build` when there is no production build yet: its duration, or null when one existed.
 * Started early (while the database part loads its fixture) so a fresh clone does not wait for it.
 * Not `npm run build`: that regenerates the Prisma clients this process is using (the install did).
 */
export function startBuild(): Promise<number | null> {
  if (fs.existsSync(".next/BUILD_ID")) return Promise.resolve(null);
  const started = performance.now();
  const build = spawn("npx", ["next", "build"], { stdio: ["ignore", "ignore", "inherit"] });
  return new Promise((resolve, reject) => {
    build.once("error", reject);
    build.once("exit", (code) => {
      if (code === 0) resolve((performance.now() - started) / 1000);
      else reject(new Error(`next build failed (exit ${code})`));
    });
  });
}

/** `npm start` on a fresh database: the embedded simulator and collector, exactly the demo. */
function startServer(port: number, databaseFile: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/start.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${databaseFile}`,
      IMAGEFLEET_DEMO: "1",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
}

/** Waits until the server answers and the first collection has landed (pages then show the fleet). */
async function waitForFleet(base: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const health = await fetch(`${base}/api/health`)
      .then((r) => r.json() as Promise<{ lastCollectionAt?: string | null }>)
      .catch(() => null);
    if (health?.lastCollectionAt) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`the demo server at ${base} collected nothing within ${READY_TIMEOUT_MS / 1000} s`);
}

/** Time to first byte and largest contentful paint, as the browser itself reports them. */
const PAGE_METRICS = () =>
  new Promise<{ ttfb: number; lcp: number }>((resolve) => {
    const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    let lcp = Number.NaN;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) lcp = entry.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
    setTimeout(() => resolve({ ttfb: navigation?.responseStart ?? Number.NaN, lcp }), 300);
  });

async function measurePages(base: string, options: WebOptions): Promise<PageTiming[]> {
  const browser = await chromium.launch({ executablePath: options.chromiumPath, args: CHROMIUM_FLAGS });
  try {
    const timings: PageTiming[] = [];
    for (const pagePath of PAGES) {
      const timing: PageTiming = { path: pagePath, ttfbMs: [], lcpMs: [] };
      for (let i = -1; i < options.iterations; i++) {
        // A fresh context per load: no cache, like a first visit of the day.
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${base}${pagePath}`, { waitUntil: "load" });
        const { ttfb, lcp } = await page.evaluate(PAGE_METRICS);
        await context.close();
        if (i < 0) continue; // warm-up: compiles the route's server code paths
        timing.ttfbMs.push(ttfb);
        timing.lcpMs.push(lcp);
      }
      timings.push(timing);
    }
    return timings;
  } finally {
    await browser.close();
  }
}

export async function runWebBench(options: WebOptions, build: Promise<number | null>): Promise<WebResult> {
  const buildSeconds = await build;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "imagefleet-bench-web-"));
  const server = startServer(options.port, path.join(dir, "demo.db"));
  const base = `http://127.0.0.1:${options.port}`;
  try {
    await waitForFleet(base);
    return { buildSeconds, pages: await measurePages(base, options) };
  } finally {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function webRows(result: WebResult): Row[] {
  const section = "Web — demo fleet, Chromium, production build";
  const rows: Row[] = [];
  for (const page of result.pages) {
    const ttfb = quantile(page.ttfbMs, 0.95);
    const lcp = quantile(page.lcpMs, 0.95);
    rows.push(
      { section, metric: `${page.path}: time to first byte p50`, value: quantile(page.ttfbMs, 0.5), unit: "ms" },
      {
        section,
        metric: `${page.path}: time to first byte p95`,
        value: ttfb,
        unit: "ms",
        ratio: ttfb / 800,
        goal: { op: "<=", target: 800, on: "value" },
      },
      { section, metric: `${page.path}: largest contentful paint p50`, value: quantile(page.lcpMs, 0.5), unit: "ms" },
      {
        section,
        metric: `${page.path}: largest contentful paint p95`,
        value: lcp,
        unit: "ms",
        ratio: lcp / 2500,
        goal: { op: "<=", target: 2500, on: "value" },
      },
    );
  }
  if (result.buildSeconds !== null) {
    rows.push({ section, metric: "production build (none existed)", value: result.buildSeconds, unit: "s" });
  }
  return rows;
}
