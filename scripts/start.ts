// `npm start`: validate configuration (no sign-in on a non-loopback address unless explicitly
// allowed), build once if there is no production build, migrate,
// then serve on HOST:PORT (127.0.0.1:3000 by default). `--dev` serves with hot reload instead.
import "./lib/require-node";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { startupRefusal } from "@/lib/auth/exposure";
import { appEnv } from "@/lib/config/env";
import { appConfig } from "@/lib/config/load";
import { migrate } from "@/lib/db/migrate";

const dev = process.argv.includes("--dev");

function fail(message: string): never {
  console.error(`ImageFleet cannot start: ${message}`);
  process.exit(1);
}

let host = "";
let port = 0;
try {
  ({ HOST: host, PORT: port } = appEnv());
  const refusal = startupRefusal(appConfig().config, host);
  if (refusal) fail(refusal);
  const { applied } = await migrate();
  if (applied.length) console.log(`database migrated: ${applied.join(", ")}`);
} catch (error) {
  fail((error as Error).message);
}

if (!dev && !fs.existsSync(".next/BUILD_ID")) {
  console.log("no production build yet: building (about a minute)…");
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status !== 0) fail("the build failed (see above)");
}

// HOST tells the server where it listens: `next dev` serves from a worker that never sees -H.
// The server handles SIGTERM itself (lib/server/boot.ts): the collector stops before it exits.
const env = {
  ...process.env,
  HOST: host,
  NEXT_TELEMETRY_DISABLED: "1",
  ...(dev ? {} : { NEXT_MANUAL_SIG_HANDLE: "1" }),
};
const next = spawn("node_modules/.bin/next", [dev ? "dev" : "start", "-H", host, "-p", String(port)], {
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
next.on("exit", (code) => process.exit(code ?? 0));
