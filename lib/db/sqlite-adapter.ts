import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

type Adapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

const READ_ONLY = /^\s*SELECT\b/i;

/** Methods of the wrapped objects run on the objects themselves: they use private fields. */
function forward(target: object, prop: string | symbol): unknown {
  const value = Reflect.get(target, prop, target);
  return typeof value === "function" ? value.bind(target) : value;
}

/** The transaction, calling `ended` once it commits or rolls back. */
function endingWith(tx: Transaction, ended: () => void): Transaction {
  return new Proxy(tx, {
    get(target, prop) {
      if (prop !== "commit" && prop !== "rollback") return forward(target, prop);
      return async () => {
        try {
          return await target[prop]();
        } finally {
          ended();
        }
      };
    },
  });
}

/**
 * better-sqlite3 gives a process one connection, and Prisma's adapter runs every query on it even
 * while a transaction is open there: a write from elsewhere (another poll unit's run record, a user
 * acknowledging an alert) would join that transaction and be rolled back with it. Here writes wait
 * until no transaction is open or waiting; reads go ahead.
 */
function serialised(adapter: Adapter): Adapter {
  let transactions = 0; // open, or waiting for the adapter's own transaction lock
  let idle = Promise.resolve();
  let markIdle = () => {};
  const end = () => {
    if (--transactions === 0) markIdle();
  };
  const noTransaction = async () => {
    while (transactions > 0) await idle;
  };
  return new Proxy(adapter, {
    get(target, prop) {
      if (prop === "queryRaw") {
        return async (query: Parameters<Adapter["queryRaw"]>[0]) => {
          if (!READ_ONLY.test(query.sql)) await noTransaction();
          return target.queryRaw(query);
        };
      }
      if (prop === "executeRaw" || prop === "executeScript") {
        return async (query: never) => {
          await noTransaction();
          return (target[prop] as (q: never) => Promise<unknown>).call(target, query);
        };
      }
      if (prop === "startTransaction") {
        return async (level: Parameters<Adapter["startTransaction"]>[0]) => {
          if (transactions++ === 0) idle = new Promise((resolve) => (markIdle = resolve));
          try {
            return endingWith(await target.startTransaction(level), end);
          } catch (error) {
            end();
            throw error;
          }
        };
      }
      return forward(target, prop);
    },
  });
}

/** Prisma's better-sqlite3 adapter factory, with writes kept out of open transactions. */
export function serialisedSqlite(factory: PrismaBetterSqlite3): PrismaBetterSqlite3 {
  return new Proxy(factory, {
    get(target, prop) {
      if (prop === "connect") return async () => serialised(await target.connect());
      if (prop === "connectToShadowDb") return async () => serialised(await target.connectToShadowDb());
      return forward(target, prop);
    },
  });
}
