// Everything a server process does before it serves: validate configuration (refusing to
// half-start), bring the database schema up to date, then start the embedded collector
// (COLLECTOR=off leaves collection to `npm run collector` workers).
import { listenHost, startupRefusal } from "@/lib/auth/exposure";
import { loadConfig } from "@/lib/config/load";
import { migrate } from "@/lib/db/migrate";
import { log } from "@/lib/log";
import { startCollectorLoop } from "./collector";

// Next's dev server may call register() again on reload: one collector per process.
const holder = globalThis as unknown as { imagefleetCollector?: Promise<unknown> };

export async function boot(): Promise<void> {
  const { config, file } = loadConfig();
  const refusal = startupRefusal(config, listenHost());
  if (refusal) throw new Error(refusal);
  const migrated = await migrate();
  log.info(
    { configFile: file ?? "(defaults)", regions: config.regions, migrationsApplied: migrated.applied },
    "imagefleet ready",
  );
  if (process.env.COLLECTOR !== "off") holder.imagefleetCollector ??= startCollectorLoop(config);
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
