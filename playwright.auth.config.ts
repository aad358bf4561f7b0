import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// The same production build with sign-in on, against a real OpenID provider on loopback: its
// own ports, configuration file and (via scripts/e2e.ts) database; no collector, no data needed.
const port = Number(process.env.E2E_AUTH_PORT ?? 3110);
const oidcPort = Number(process.env.E2E_AUTH_OIDC_PORT ?? 3111);
const appOrigin = `http://127.0.0.1:${port}`;
const configFile = path.join(os.tmpdir(), `imagefleet-e2e-auth-${port}`, "imagefleet.config.json");

export default defineConfig({
  ...base,
  testDir: "./e2e-auth",
  // Playwright empties its output directory first: not the main pass's, which holds its report.
  outputDir: "test-results/e2e-auth",
  reporter: [["list"], ["json", { outputFile: process.env.E2E_JSON_REPORT ?? "test-results/e2e-auth.json" }]],
  use: { ...base.use, baseURL: appOrigin },
  webServer: [
    {
      command: "node_modules/.bin/tsx e2e-auth/support/provider-server.ts",
      url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "ignore",
      env: { IMAGEFLEET_CONFIG: configFile, E2E_AUTH_APP_ORIGIN: appOrigin, E2E_AUTH_OIDC_PORT: String(oidcPort) },
    },
    {
      command: `node_modules/.bin/next start -H 127.0.0.1 -p ${port}`,
      url: `${appOrigin}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: "warn",
        COLLECTOR: "off",
        IMAGEFLEET_CONFIG: configFile,
        // Low enough for e2e-auth/security.spec.ts to reach it from a client of its own.
        API_RATE_LIMIT_PER_MINUTE: "400",
      },
    },
  ],
});
