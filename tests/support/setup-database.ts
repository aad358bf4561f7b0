// vitest setup for integration tests: point DATABASE_URL at a fresh migrated database before
// any test module imports the Prisma client, and drop it when the file is done.
import { afterAll } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { createScratchDatabase } from "./database";

const scratch = await createScratchDatabase();
process.env.DATABASE_URL = scratch.target.url;
await migrate(scratch.target);

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  await scratch.drop();
});
