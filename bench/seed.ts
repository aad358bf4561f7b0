import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import Database from "better-sqlite3";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { Prisma } from "@/generated/prisma/client";
import type { DatabaseTarget } from "@/lib/db/url";
import { type Cell, type FleetShape, type Row, syntheticFleet } from "./synthetic-fleet";

/** Every table of the schema: the loaders drop and rebuild their indexes and keys around the load. */
const TABLES: readonly string[] = Object.values(Prisma.ModelName);

/** A table's columns in the Prisma schema's order. */
function schemaColumns(table: string): string[] {
  const fields = (Prisma as unknown as Record<string, Record<string, string> | undefined>)[`${table}ScalarFieldEnum`];
  if (!fields) throw new Error(`${table} is not a table of the Prisma schema`);
  return Object.values(fields);
}

/**
 * The columns a table's rows fill, in schema order, from the first row's names (the rest keep
 * their defaults). The synthetic fleet's rows are typed by the Prisma models; this is the same
 * check at run time, for a schema changed since the last build.
 */
function filledColumns(table: string, row: Row): string[] {
  const columns = schemaColumns(table);
  const unknown = Object.keys(row).filter((name) => !columns.includes(name));
  if (unknown.length)
    throw new Error(`the synthetic ${table} rows fill columns the schema lacks: ${unknown.join(", ")}`);
  return columns.filter((name) => name in row);
}

const quoted = (columns: readonly string[]) => columns.map((c) => `"${c}"`);

/** Rows written per table. */
export type SeedCounts = Record<string, number>;

export interface SeedResult {
  counts: SeedCounts;
  /** Wall time of the whole load, every database at once. */
  seconds: number;
  /** Of which: making the rows (single pass, shared by all databases). */
  generateSeconds: number;
  /** Per database kind: time spent writing rows, and rebuilding indexes and constraints afterwards. */
  phases: Record<string, { writeSeconds: number; indexSeconds: number }>;
}

/**
 * How a restore loads a database: the migrated schema's secondary indexes (PostgreSQL: also its
 * keys and foreign keys) are dropped, the rows go in as one stream per table, and the indexes are
 * built afterwards from the loaded rows. Every database is loaded from one pass of the generator.
 */
interface Loader {
  kind: DatabaseTarget["kind"];
  writeSeconds: number;
  indexSeconds: number;
  /** Rows of one table, their cells in `columns` order (the same columns at every call for a table). */
  write(table: string, columns: readonly string[], rows: Cell[][]): Promise<void> | void;
  /** Ends the row stream and makes the rows durable. */
  commit(): Promise<void>;
  /** Puts indexes and constraints back (PostgreSQL: in the server, while SQLite's run in this thread). */
  rebuild(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * Bulk-loads the synthetic fleet straight through the drivers into every target at once (the
 * collector's row-by-row path would take hours).
 */
export async function seed(targets: readonly DatabaseTarget[], shape: FleetShape): Promise<SeedResult> {
  const started = performance.now();
  const loaders: Loader[] = [];
  try {
    for (const target of targets) {
      loaders.push(target.kind === "sqlite" ? new SqliteLoader(target.file!) : await PostgresLoader.open(target.url));
    }
    const counts: SeedCounts = {};
    const columns: Record<string, string[]> = {};
    let generateMs = 0;
    const fleet = syntheticFleet(shape);
    while (true) {
      const generating = performance.now();
      const next = fleet.next();
      generateMs += performance.now() - generating;
      if (next.done) break;
      const { table, rows } = next.value;
      if (rows.length === 0) continue;
      columns[table] ??= filledColumns(table, rows[0]!);
      const cells = rows.map((row) =>
        columns[table]!.map((column) => {
          const value = row[column] ?? null;
          // Prisma's SQLite adapter stores DateTime as ISO 8601 text with an explicit offset;
          // PostgreSQL reads the same text into timestamp(3) (the offset is UTC, as Prisma writes).
          return value instanceof Date ? value.toISOString().replace("Z", "+00:00") : value;
        }),
      );
      counts[table] = (counts[table] ?? 0) + rows.length;
      for (const loader of loaders) await loader.write(table, columns[table]!, cells);
    }
    for (const loader of loaders) await loader.commit();
    // PostgreSQL's rebuild is sent first: it runs in the server while SQLite's blocks this thread.
    const order = [...loaders].sort((a, b) => Number(a.kind === "sqlite") - Number(b.kind === "sqlite"));
    await Promise.all(order.map((loader) => loader.rebuild()));
    const phases = Object.fromEntries(
      loaders.map((l) => [l.kind, { writeSeconds: l.writeSeconds, indexSeconds: l.indexSeconds }]),
    );
    return { counts, seconds: (performance.now() - started) / 1000, generateSeconds: generateMs / 1000, phases };
  } catch (error) {
    for (const loader of loaders) await loader.abort();
    throw error;
  }
}

class SqliteLoader implements Loader {
  readonly kind = "sqlite";
  writeSeconds = 0;
  indexSeconds = 0;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly indexes: { name: string; sql: string }[];

  constructor(file: string) {
    this.db = new Database(file);
    // For the load only: the measurements open their own connection with the product's settings.
    this.db.pragma("journal_mode = OFF");
    this.db.pragma("synchronous = OFF");
    this.db.pragma("cache_size = -1048576");
    this.db.pragma("temp_store = MEMORY");
    const list = TABLES.map((t) => `'${t}'`).join(", ");
    this.indexes = this.db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${list})`)
      .all() as { name: string; sql: string }[];
    for (const { name } of this.indexes) this.db.exec(`DROP INDEX "${name}"`);
    this.db.exec("BEGIN");
  }

  write(table: string, columns: readonly string[], rows: Cell[][]): void {
    const started = performance.now();
    let statement = this.statements.get(table);
    if (!statement) {
      const names = quoted(columns);
      statement = this.db.prepare(
        `INSERT INTO "${table}" (${names.join(", ")}) VALUES (${names.map(() => "?").join(", ")})`,
      );
      this.statements.set(table, statement);
    }
    for (const row of rows) statement.run(row);
    this.writeSeconds += (performance.now() - started) / 1000;
  }

  async commit(): Promise<void> {
    const started = performance.now();
    this.db.exec("COMMIT");
    this.writeSeconds += (performance.now() - started) / 1000;
  }

  async rebuild(): Promise<void> {
    const started = performance.now();
    try {
      for (const { sql } of this.indexes) this.db.exec(sql);
      // Back to the product's journal (lib/db/migrate.ts), which the file keeps; the other
      // settings were this connection's only.
      this.db.pragma("journal_mode = WAL");
    } finally {
      this.db.close();
    }
    this.indexSeconds = (performance.now() - started) / 1000;
  }

  async abort(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

const PG_BATCH_BYTES = 1 << 20;

/** One COPY … FROM STDIN per table, each in a transaction that truncated the table first (so FREEZE applies). */
class PostgresLoader implements Loader {
  readonly kind = "postgresql";
  writeSeconds = 0;
  indexSeconds = 0;
  private constructor(
    private readonly admin: pg.Client,
    private readonly copies: Map<string, { client: pg.Client; stream: ReturnType<typeof copyFrom> }>,
    /** What was dropped, in the order to put it back. */
    private readonly dropped: string[],
    private readonly url: string,
  ) {}

  static async open(url: string): Promise<PostgresLoader> {
    const admin = await connect(url);
    const copies = new Map<string, { client: pg.Client; stream: ReturnType<typeof copyFrom> }>();
    const loader = new PostgresLoader(admin, copies, [], url);
    try {
      const tables = TABLES.map((t) => `"${t}"`);
      // Keys of the loaded tables, and foreign keys from or to them (Notification → Alert).
      const { rows: constraints } = await admin.query<{ tbl: string; name: string; def: string; type: string }>(
        `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def, contype AS type
           FROM pg_constraint
          WHERE (contype IN ('p', 'u', 'f') AND conrelid::regclass::text = ANY($1))
             OR (contype = 'f' AND confrelid::regclass::text = ANY($1))`,
        [tables],
      );
      const { rows: indexes } = await admin.query<{ name: string; def: string }>(
        `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS def
           FROM pg_index
          WHERE indrelid::regclass::text = ANY($1)
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = indexrelid)`,
        [tables],
      );
      const keys = constraints.filter((c) => c.type !== "f");
      const foreign = constraints.filter((c) => c.type === "f");
      const drop = (c: { tbl: string; name: string }) => `ALTER TABLE ${c.tbl} DROP CONSTRAINT "${c.name}";`;
      const add = (c: { tbl: string; name: string; def: string }) =>
        `ALTER TABLE ${c.tbl} ADD CONSTRAINT "${c.name}" ${c.def};`;
      await admin.query(
        [...foreign.map(drop), ...keys.map(drop), ...indexes.map((i) => `DROP INDEX ${i.name};`)].join("\n"),
      );
      loader.dropped.push(...keys.map(add), ...indexes.map((i) => `${i.def};`), ...foreign.map(add));
    } catch (error) {
      await loader.abort();
      throw error;
    }
    return loader;
  }

  /** The table's COPY, opened at its first rows, in a transaction that truncated it first (so FREEZE applies). */
  private async copyOf(table: string, columns: readonly string[]): Promise<ReturnType<typeof copyFrom>> {
    const open = this.copies.get(table);
    if (open) return open.stream;
    const client = await connect(this.url);
    this.copies.set(table, { client, stream: null as unknown as ReturnType<typeof copyFrom> });
    await client.query(`BEGIN; TRUNCATE "${table}"`);
    const stream = client.query(
      copyFrom(`COPY "${table}" (${quoted(columns).join(", ")}) FROM STDIN WITH (FORMAT text, FREEZE)`),
    );
    // Failures surface in write() or commit(); an unhandled 'error' event would end the process.
    stream.on("error", () => {});
    this.copies.set(table, { client, stream });
    return stream;
  }

  async write(table: string, columns: readonly string[], rows: Cell[][]): Promise<void> {
    const started = performance.now();
    const stream = await this.copyOf(table, columns);
    let text = "";
    for (const row of rows) {
      text += `${row.map(copyText).join("\t")}\n`;
      if (text.length >= PG_BATCH_BYTES) {
        if (!stream.write(text)) await drained(stream);
        text = "";
      }
    }
    if (text && !stream.write(text)) await drained(stream);
    this.writeSeconds += (performance.now() - started) / 1000;
  }

  async commit(): Promise<void> {
    const started = performance.now();
    for (const { client, stream } of this.copies.values()) {
      stream.end();
      await finished(stream);
      await client.query("COMMIT");
      await client.end();
    }
    this.copies.clear();
    this.writeSeconds += (performance.now() - started) / 1000;
  }

  async rebuild(): Promise<void> {
    const started = performance.now();
    // One round trip: the statements run back to back in the server.
    await this.admin.query(
      [
        // Sorts in memory, on one core: SQLite builds its indexes on the other at the same time.
        "SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 0;",
        ...this.dropped,
        // Serial ids were given explicitly for the catalog; later inserts must not collide.
        `SELECT setval(pg_get_serial_sequence('"BaseImageRelease"', 'id'), (SELECT MAX("id") FROM "BaseImageRelease"));`,
        // What autovacuum would have done by the time anyone looks at a 30-day-old database.
        "ANALYZE;",
      ].join("\n"),
    );
    // The rows went in frozen: this finds nothing to do, but resets the insert counts that would
    // otherwise start autovacuum in the middle of the measurements.
    await this.admin.query("VACUUM");
    await this.admin.end();
    this.indexSeconds = (performance.now() - started) / 1000;
  }

  async abort(): Promise<void> {
    for (const { client } of this.copies.values()) await client.end().catch(() => {});
    this.copies.clear();
    await this.admin.end().catch(() => {});
  }
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  // Errors reach the pending query; a connection ended afterwards (the database dropped after a
  // failure) must not end the process.
  client.on("error", () => {});
  await client.connect();
  return client;
}

/** Resolves when a full stream can take more, rejects when it failed. */
function drained(stream: Writable): Promise<void> {
  if (stream.errored) return Promise.reject(stream.errored);
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      stream.off("drain", settle);
      stream.off("error", settle);
      if (error) reject(error);
      else resolve();
    };
    stream.on("drain", settle);
    stream.on("error", settle);
  });
}

/** A value in COPY's text format: \N for NULL, backslash escapes for the characters it uses. */
function copyText(value: Cell): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value !== "string") return String(value);
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"))
    : value;
}
