// A poll unit's transaction is its own: a write made elsewhere in the process while it is open
// (another unit's run record, a user acknowledging an alert) survives the transaction's rollback.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { writeTransaction } from "@/lib/db/writes/transaction";

const account = (id: string) => ({ id, name: `account ${id}`, source: "config" });

describe("writes outside an open transaction", () => {
  it("are kept when the transaction rolls back, and reads go on meanwhile", async () => {
    let inside!: () => void;
    const opened = new Promise<void>((resolve) => (inside = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const unit = writeTransaction(db, async (tx) => {
      await tx.account.create({ data: account("100000000001") });
      inside();
      await held;
      throw new Error("unit failed");
    });
    await opened;
    const elsewhere = db.$executeRaw`INSERT INTO "Account" ("id", "name", "source", "updatedAt") VALUES (${"100000000002"}, ${"raw"}, ${"config"}, ${new Date()})`;
    expect(await db.function.count()).toBe(0);
    // Give the write every chance to run inside the open transaction, as it did before.
    await Promise.race([elsewhere, new Promise((resolve) => setTimeout(resolve, 500))]);
    release();
    await expect(unit).rejects.toThrow("unit failed");
    await elsewhere;
    expect((await db.account.findMany({ orderBy: { id: "asc" } })).map((a) => a.id)).toEqual(["100000000002"]);
  });
});
