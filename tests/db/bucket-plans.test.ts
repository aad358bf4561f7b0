import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { initP95ByFunction, totalsByFunction } from "@/lib/db/queries/metric-aggregates";

import type { ResolutionPart } from "@/lib/db/queries/metric-resolution";

const WEEK: ResolutionPart[] = [
  { resolution: "1h", from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-11-08T00:00:00Z") },
];
/** A window reaching past hourly retention: daily roll-ups, then hourly buckets. */
const STITCHED: ResolutionPart[] = [
  { resolution: "1d", from: new Date("2026-05-01T00:00:00Z"), to: new Date("2026-09-02T00:00:00Z") },
  { resolution: "1h", from: new Date("2026-09-02T00:00:00Z"), to: new Date("2026-11-08T00:00:00Z") },
];

/** SQLite's plan, one line per step. */
async function planOf(query: ReturnType<typeof totalsByFunction>): Promise<string> {
  const rows = await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${query.sql}`, ...query.values);
  return rows.map((row) => row.detail).join("\n");
}

// PostgreSQL plans by its statistics; SQLite has none (the product never runs ANALYZE) and once
// scanned a week of the whole covering index for each function of a table page (27 s at 20,000).
describe.skipIf(process.env.IMAGEFLEET_TEST_PG)("SQLite plans of a table page's metrics", () => {
  it("seeks each function's buckets by key", async () => {
    for (const query of [
      totalsByFunction(WEEK, ["a", "b"]),
      initP95ByFunction(WEEK, ["a", "b"]),
      totalsByFunction(STITCHED, ["a", "b"]),
    ]) {
      const plan = await planOf(query);
      expect(plan).toContain("sqlite_autoindex_MetricBucket_1 (functionId=?)");
      expect(plan).not.toContain("MetricBucket_resolution_start");
    }
  });

  it("reads the whole fleet's window from the covering index", async () => {
    expect(await planOf(totalsByFunction(WEEK))).toMatch(
      /COVERING INDEX MetricBucket_resolution_start\S* \(resolution=\? AND start>\? AND start<\?\)/,
    );
    const stitched = await planOf(totalsByFunction(STITCHED));
    expect(stitched).toMatch(/MULTI-INDEX OR/);
    expect(
      stitched.match(/COVERING INDEX MetricBucket_resolution_start\S* \(resolution=\? AND start>\? AND start<\?\)/g),
    ).toHaveLength(2);
  });
});
