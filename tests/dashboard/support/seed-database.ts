// Seeds the database at DATABASE_URL (migrated first) with the dashboard test fleet, for looking at
// pages before a collection has run:  DATABASE_URL=file:/tmp/x.db npx tsx tests/dashboard/support/seed-database.ts
import { db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedFleet } from "./seed";

await migrate();
await seedFleet(db, new Date());
await db.$disconnect();
console.log("seeded the dashboard test fleet");
