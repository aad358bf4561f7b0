// The OpenID provider of the signed-in browser tests, run by playwright.auth.config.ts as its
// first web server: writes the auth-enabled ImageFleet configuration, then serves until stopped.
// (Playwright starts web servers before globalSetup, and ImageFleet reads its configuration at
// start-up, so the configuration must exist before the ImageFleet server starts.)
import fs from "node:fs";
import path from "node:path";
import { authConfigFor, startTestProvider } from "@/tests/auth/support/test-provider";

const [configFile, appOrigin, port] = [
  process.env.IMAGEFLEET_CONFIG,
  process.env.E2E_AUTH_APP_ORIGIN,
  Number(process.env.E2E_AUTH_OIDC_PORT),
];
if (!configFile || !appOrigin || !port)
  throw new Error("IMAGEFLEET_CONFIG, E2E_AUTH_APP_ORIGIN and E2E_AUTH_OIDC_PORT are required");

const provider = await startTestProvider({ port, clientOrigins: [appOrigin] });
fs.mkdirSync(path.dirname(configFile), { recursive: true });
// A public base URL makes the server check Host names (DNS rebinding) with sign-in on too.
const auth = { ...authConfigFor(provider.issuer), publicBaseUrl: appOrigin };
fs.writeFileSync(configFile, JSON.stringify({ auth }, null, 2));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => provider.close().then(() => process.exit(0)));
}
