import { expect, test } from "@playwright/test";

test("the shell renders and navigation reaches every section", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "ImageFleet" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const [label, path] of [
    ["Functions", "/functions"],
    ["Alerts", "/alerts"],
    ["Reports", "/reports"],
    ["Accounts", "/accounts"],
    ["Overview", "/"],
  ] as const) {
    await nav.getByRole("link", { name: label }).click();
    await expect(page).toHaveURL(new RegExp(`${path === "/" ? "/$" : path}`));
    await expect(nav.getByRole("link", { name: label })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
});

test("health is green and says which database it uses", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe("ok");
  expect(body.database.reachable).toBe(true);
  expect(body.database.migrationsApplied.length).toBeGreaterThan(0);
  expect(body.database.kind).toBe(process.env.DATABASE_URL?.startsWith("postgres") ? "postgresql" : "sqlite");
});

test("an unknown route is a real 404 page", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the overview" }).click();
  await expect(page).toHaveURL(/\/$/);
});
