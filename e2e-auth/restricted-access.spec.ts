// Sam's group is restricted to the payments account and team: through the real sign-in, the
// API, the pages and the export show Sam those functions only, while Vera sees the whole fleet.
import { expect, test } from "@playwright/test";
import { createDb } from "@/lib/db/client";
import { DATA, PAYMENTS, SEED_FUNCTIONS, seedFleet } from "../tests/dashboard/support/seed";
import { signInAs } from "./support/sign-in";

const current = SEED_FUNCTIONS.filter((f) => f.deletedDaysAgo === undefined);
const inPayments = current.filter((f) => f.accountId === PAYMENTS || f.team === "payments");
const outside = current.find((f) => f.accountId === DATA && f.team !== "payments")!;

test.beforeAll(async () => {
  // The sign-in pass runs without a collector: the dashboard test fleet is the data.
  const db = createDb();
  try {
    if ((await db.function.count()) === 0) await seedFleet(db, new Date());
  } finally {
    await db.$disconnect();
  }
});

test("a restricted user sees only their functions, everywhere", async ({ page }) => {
  await signInAs(page, "sam");
  await expect(page).toHaveURL(/\/$/);

  const table = await (await page.request.get("/api/functions?pageSize=500")).json();
  expect(table.total).toBe(inPayments.length);
  expect(new Set(table.rows.map((r: { accountId: string }) => r.accountId))).toEqual(new Set([PAYMENTS]));
  expect((await (await page.request.get("/api/fleet/summary")).json()).functions).toBe(inPayments.length);
  const csv = await (await page.request.get("/api/functions.csv")).text();
  expect(csv.trimEnd().split("\r\n")).toHaveLength(inPayments.length + 1);

  const foreign = `${outside.accountId}/${outside.region}/${outside.name}`;
  expect((await page.request.get(`/api/functions/${foreign}`)).status()).toBe(404);
  expect((await page.goto(`/functions/${foreign}`))?.status()).toBe(404);

  await page.goto("/functions");
  await expect(page.getByRole("link", { name: inPayments[0]!.name, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: outside.name, exact: true })).toHaveCount(0);
});

test("an unrestricted user sees the whole fleet", async ({ page }) => {
  await signInAs(page, "vera");
  await expect(page).toHaveURL(/\/$/);
  const table = await (await page.request.get("/api/functions?pageSize=500")).json();
  expect(table.total).toBe(current.length);
  const foreign = `${outside.accountId}/${outside.region}/${outside.name}`;
  expect((await page.request.get(`/api/functions/${foreign}`)).status()).toBe(200);
});
