// `npm run rollups -- --rebuild`: recompute every roll-up (FunctionRollup, SliceRollup) from the
// buckets, e.g. after restoring a database or loading data by other means than the collector.
// Without --rebuild: only the account × region scopes another roll-up version wrote, as start-up does.
import { db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { prepareRollups, rebuildRollups } from "@/lib/db/writes/rollups";

const rebuild = process.argv.includes("--rebuild");
try {
  await migrate();
  const started = performance.now();
  const { scopes } = rebuild ? await rebuildRollups(db, new Date()) : await prepareRollups(db);
  console.log(
    `roll-ups of ${scopes} account × region scope(s) recomputed in ${Math.round(performance.now() - started)} ms`,
  );
  await db.$disconnect();
  process.exit(0);
} catch (error) {
  console.error(`ImageFleet roll-ups: ${(error as Error).message}`);
  process.exit(1);
}
