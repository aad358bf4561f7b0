import { describe, expect, it } from "vitest";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { sliceStepsQuery } from "@/lib/db/queries/fleet-cold-starts";
import { pageQuery, windowOf } from "@/lib/db/queries/functions";
import { functionRollupInsert, sliceHoursInsert } from "@/lib/db/writes/rollups";
import { fleetView } from "@/lib/url-state/fleet-view";
import { functionsView } from "@/lib/url-state/functions-view";

const NOW = new Date("2026-11-08T00:20:00Z");
const pg = Boolean(process.env.IMAGEFLEET_TEST_PG);

/** The database's plan as text: SQLite's one line per step, PostgreSQL's EXPLAIN. */
async function planOf(query: Prisma.Sql): Promise<string> {
  if (pg) {
    const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${query.text}`, ...query.values);
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  }
  const rows = await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${query.sql}`, ...query.values);
  return rows.map((row) => row.detail).join("\n");
}

function tablePage(params: Record<string, string>): Prisma.Sql {
  const query = functionsView.schemas.api.parse(params);
  return pageQuery({ ...query, scope: null }, windowOf(query, NOW), NOW, 50, 0);
}

// Preset windows read the roll-ups and never a bucket, on both databases; custom windows still do.
describe("plans of preset windows", () => {
  it.each(["coldStarts", "coldStartRate", "initP95"])(
    "the table sorted by %s reads one roll-up row per function",
    async (sort) => {
      const plan = await planOf(tablePage({ range: "7d", sort, dir: "desc" }));
      expect(plan).toContain("FunctionRollup");
      expect(plan).not.toContain("MetricBucket");
      if (!pg) expect(plan).toContain("sqlite_autoindex_FunctionRollup_1 (functionId=? AND window=?)");
    },
  );

  it("a custom window still aggregates buckets", async () => {
    const plan = await planOf(
      tablePage({ from: "2026-11-01T00:00:00Z", to: "2026-11-08T00:00:00Z", sort: "coldStarts", dir: "desc" }),
    );
    expect(plan).toContain("MetricBucket");
  });

  it("the overview's cold-start chart reads the slice roll-ups from their covering index", async () => {
    for (const range of ["24h", "30d"]) {
      const query = fleetView.schemas.api.parse({ range, region: "us-east-1" });
      const plan = await planOf(sliceStepsQuery(query, null, windowOf(query, NOW)));
      expect(plan).not.toContain("MetricBucket");
      if (!pg)
        expect(plan).toMatch(
          /COVERING INDEX SliceRollup_resolution_start\S* \(resolution=\? AND start>\? AND start<\?\)/,
        );
      else expect(plan).toContain("SliceRollup");
    }
  });
});

// SQLite once scanned the whole fleet's window of the covering index for each function a refresh
// read (4 s for a 46-function scope at 500 functions, minutes at 20,000).
describe.skipIf(pg)("SQLite plans of the roll-up refresh", () => {
  it("reads each function's hourly buckets by key", async () => {
    const scope = { accountId: "111111111111", region: "us-east-1" };
    for (const query of [functionRollupInsert(["a", "b"], "30d", NOW), sliceHoursInsert(scope, NOW, NOW)]) {
      const plan = await planOf(query);
      expect(plan).toContain("sqlite_autoindex_MetricBucket_1 (functionId=?)");
      expect(plan).not.toContain("MetricBucket_resolution_start");
    }
  });
});
