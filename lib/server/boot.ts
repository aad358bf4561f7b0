// Everything a server process does before it serves: validate configuration (refusing to
// half-start), bring the database schema and the roll-ups' version up to date, then start the
// embedded collector in a process of its own (COLLECTOR=off leaves collection to `npm run collector` workers).
import { listenHost, startupRefusal } from "@/lib/auth/exposure";
import { appEnv } from "@/lib/config/env";
import { appConfig } from "@/lib/config/load";
import { publicBaseUrlWarning } from "@/lib/config/public-base-url";
import { db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { prepareRollups } from "@/lib/db/writes/rollups";
import { log } from "@/lib/log";
import type { RunningCollector } from "./collector";
import { startCollectorProcess } from "./collector-process";

// Next's dev server may call register() again on reload: one collector per process.
const holder = globalThis as unknown as { imagefleetCollector?: Promise<RunningCollector | null> };

/**
 * `npm start` turns Next's own signal handling off (NEXT_MANUAL_SIG_HANDLE), which would exit at
 * once: on SIGTERM/SIGINT the embedded collector's process first cancels its AWS calls (Insights
 * queries included) and finishes the write in progress, and the server exits after it.
 */
function stopGracefullyOnSignals(): void {
  if (!process.env.NEXT_MANUAL_SIG_HANDLE) return;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, async () => {
      log.info({ signal }, "shutting down: stopping the collector, finishing the write in progress");
      await (await holder.imagefleetCollector)?.stop();
      process.exit(0);
    });
  }
}

export async function boot(): Promise<void> {
  const env = appEnv();
  const { config, file } = appConfig();
  const refusal = startupRefusal(config, listenHost());
  if (refusal) throw new Error(refusal);
  const migrated = await migrate();
  const rollups = await prepareRollups(db);
  log.info(
    {
      configFile: file ?? "(defaults)",
      regions: config.regions,
      migrationsApplied: migrated.applied,
      rollupScopesRebuilt: rollups.scopes,
    },
    "imagefleet ready",
  );
  const linkWarning = publicBaseUrlWarning(config.alerts);
  if (linkWarning) log.warn(linkWarning);
  if (!holder.imagefleetCollector) {
    holder.imagefleetCollector = Promise.resolve(env.COLLECTOR === "off" ? null : startCollectorProcess());
    stopGracefullyOnSignals();
  }
  await holder.imagefleetCollector;
}

/** Invalid configuration or an unmigratable database: refuse to serve rather than half-start. */
export async function bootOrExit(): Promise<void> {
  try {
    await boot();
  } catch (error) {
    console.error(`ImageFleet cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}
