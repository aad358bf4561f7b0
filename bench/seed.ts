import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "@/lib/db/url";
import { type Cell, type FleetShape, syntheticFleet } from "./synthetic-fleet";

type ColumnType = "text" | "int" | "float" | "time";

/** The columns the synthetic fleet fills, in its row order (the rest keep their defaults). */
const COLUMNS: Record<string, Record<string, ColumnType>> = {
  Account: { id: "text", name: "text", source: "text", createdAt: "time", updatedAt: "time" },
  BaseImageRelease: {
    id: "int",
    runtime: "text",
    repository: "text",
    version: "text",
    publishedAt: "time",
    layers: "text",
    source: "text",
  },
  Function: {
    id: "text",
    accountId: "text",
    region: "text",
    name: "text",
    arn: "text",
    packageType: "text",
    runtime: "text",
    handler: "text",
    imageUri: "text",
    imageDigest: "text",
    imageRepository: "text",
    codeSha256: "text",
    lastModified: "time",
    architecture: "text",
    memoryMb: "int",
    timeoutSec: "int",
    ephemeralMb: "int",
    logGroup: "text",
    tags: "text",
    team: "text",
    state: "text",
    stateReasonCode: "text",
    lastUpdateStatus: "text",
    stateReadAt: "time",
    firstSeenAt: "time",
    lastSeenAt: "time",
    lastInvokedAt: "time",
    metricsThrough: "time",
    coldStartsThrough: "time",
  },
  StateInterval: {
    functionId: "text",
    state: "text",
    reasonCode: "text",
    reason: "text",
    from: "time",
    to: "time",
    lastObservedAt: "time",
  },
  ConfigChange: {
    functionId: "text",
    at: "time",
    kind: "text",
    codeSha256: "text",
    imageDigest: "text",
    details: "text",
  },
  MetricBucket: {
    functionId: "text",
    resolution: "text",
    start: "time",
    invocations: "float",
    errors: "float",
    throttles: "float",
    durationAvg: "float",
    durationP95: "float",
    concurrencyMax: "float",
    coldStarts: "int",
    initAvg: "float",
    initP95: "float",
    initMax: "float",
  },
  Image: {
    id: "text",
    registryId: "text",
    repository: "text",
    digest: "text",
    tags: "text",
    pushedAt: "time",
    sizeBytes: "float",
    lastPulledAt: "time",
    manifestLayers: "text",
    scanStatus: "text",
    findingsCritical: "int",
    findingsHigh: "int",
    findingsMedium: "int",
    findingsLow: "int",
    checkedAt: "time",
  },
  Alert: {
    id: "text",
    fingerprint: "text",
    rule: "text",
    severity: "text",
    state: "text",
    functionId: "text",
    accountId: "text",
    region: "text",
    functionName: "text",
    team: "text",
    title: "text",
    reason: "text",
    evidence: "text",
    openedAt: "time",
    updatedAt: "time",
  },
  PollRun: {
    id: "text",
    accountId: "text",
    region: "text",
    trigger: "text",
    worker: "text",
    startedAt: "time",
    finishedAt: "time",
    status: "text",
    functionsSeen: "int",
    statesRead: "int",
    calls: "text",
    throttles: "int",
    errorCount: "int",
    errors: "text",
  },
  FleetSnapshot: {
    at: "time",
    pollRunId: "text",
    accountId: "text",
    region: "text",
    packageType: "text",
    state: "text",
    count: "int",
  },
};

const quoted = (table: string) => Object.keys(COLUMNS[table]!).map((c) => `"${c}"`);

/** Rows written per table. */
export type SeedCounts = Record<string, number>;

/** Bulk-loads the synthetic fleet straight through the driver (the collector's row-by-row path would take hours). */
export async function seed(target: DatabaseTarget, shape: FleetShape): Promise<SeedCounts> {
  return target.kind === "sqlite" ? seedSqlite(target.file!, shape) : seedPostgres(target.url, shape);
}

function count(counts: SeedCounts, table: string, rows: number): void {
  counts[table] = (counts[table] ?? 0) + rows;
}

function seedSqlite(file: string, shape: FleetShape): SeedCounts {
  const db = new Database(file);
  const counts: SeedCounts = {};
  try {
    const statements = new Map(
      Object.keys(COLUMNS).map((table) => {
        const columns = quoted(table);
        const sql = `INSERT INTO "${table}" (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
        return [table, db.prepare(sql)] as const;
      }),
    );
    // Prisma's SQLite adapter stores DateTime as ISO 8601 text with an explicit offset.
    const cell = (value: Cell) => (value instanceof Date ? value.toISOString().replace("Z", "+00:00") : value);
    const insert = db.transaction((table: string, rows: Cell[][]) => {
      const statement = statements.get(table)!;
      for (const row of rows) statement.run(...row.map(cell));
    });
    for (const { table, rows } of syntheticFleet(shape)) {
      insert(table, rows);
      count(counts, table, rows.length);
    }
  } finally {
    db.close();
  }
  return counts;
}

const PG_ARRAY_TYPES: Record<ColumnType, string> = {
  text: "text[]",
  int: "int4[]",
  float: "float8[]",
  time: "timestamp(3)[]",
};
const PG_BATCH_ROWS = 50_000;

async function seedPostgres(url: string, shape: FleetShape): Promise<SeedCounts> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const counts: SeedCounts = {};
  try {
    const insert = async (table: string, rows: Cell[][]) => {
      const types = Object.values(COLUMNS[table]!);
      const columns = types.map((_, i) => rows.map((row) => row[i] ?? null));
      const params = types.map((type, i) => `$${i + 1}::${PG_ARRAY_TYPES[type]}`);
      await client.query(
        `INSERT INTO "${table}" (${quoted(table).join(", ")}) SELECT * FROM unnest(${params.join(", ")})`,
        columns,
      );
    };
    const pending = new Map<string, Cell[][][]>(Object.keys(COLUMNS).map((table) => [table, []]));
    let buffered = 0;
    // Tables flush in COLUMNS order, parents before children, so foreign keys always resolve.
    const flush = async () => {
      for (const [table, batches] of pending) {
        if (batches.length > 0) await insert(table, batches.flat());
        pending.set(table, []);
      }
      buffered = 0;
    };
    for (const { table, rows } of syntheticFleet(shape)) {
      pending.get(table)!.push(rows);
      count(counts, table, rows.length);
      buffered += rows.length;
      if (buffered >= PG_BATCH_ROWS) await flush();
    }
    await flush();
    // Serial ids were given explicitly for the catalog; later inserts must not collide.
    await client.query(
      `SELECT setval(pg_get_serial_sequence('"BaseImageRelease"', 'id'), (SELECT MAX("id") FROM "BaseImageRelease"))`,
    );
    // What autovacuum would have done by the time anyone looks at a 30-day-old database.
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
  return counts;
}
