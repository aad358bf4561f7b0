import fs from "node:fs";
import { expect, test } from "@playwright/test";

// The server runs the demo fleet with the embedded collector. Reports are written after each
// collection; asking for the week to date directly makes the spec independent of that timing.
test.describe("weekly reports", () => {
  let week: string;

  test.beforeAll(async ({ request }) => {
    test.setTimeout(240_000);
    await expect
      .poll(async () => (await (await request.get("/api/health")).json()).lastCollectionAt, { timeout: 120_000 })
      .not.toBeNull();
    // The first cycle records functions account by account: refresh until the week has some.
    await expect
      .poll(
        async () => {
          const refreshed = await request.post("/api/reports");
          week = (await refreshed.json()).provisional;
          const report = await request.get(`/api/reports/${week}.json`);
          return (await report.json()).figures.inventory.functions;
        },
        { timeout: 120_000, intervals: [2_000, 5_000] },
      )
      .toBeGreaterThan(0);
  });

  test("the list puts the week in progress first and opens its report", async ({ page }) => {
    await page.goto("/reports");
    const rows = page.getByRole("table", { name: "Weekly reports" }).getByRole("row");
    await expect(rows.nth(1)).toContainText(week);
    await expect(rows.nth(1)).toContainText("week to date");
    await rows.nth(1).getByRole("link", { name: week }).click();
    await page.waitForURL(new RegExp(`/reports/${week}$`), { timeout: 60_000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Weekly report ${week}, fleet (week to date)`);
  });

  test("the report renders its sections and the team filter narrows it", async ({ page }) => {
    await page.goto(`/reports/${week}`);
    for (const section of [
      "Summary",
      "Functions and deploys",
      "Lifecycle",
      "Idle risk for the coming week",
      "Cold starts",
      "Images",
      "Alerts",
      "Collection health",
    ]) {
      await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
    }
    await expect(page.getByRole("figure", { name: "Cold starts and cold-start rate per day" })).toBeVisible();
    await expect(page.getByRole("figure", { name: "Function-hours per state" })).toBeVisible();

    const teamLink = page.getByRole("table", { name: "Teams" }).getByRole("rowheader").first().getByRole("link");
    const team = (await teamLink.textContent())!.trim();
    await page.getByRole("combobox", { name: "Team" }).selectOption(team);
    await expect(page).toHaveURL(new RegExp(`/reports/${week}\\?team=${encodeURIComponent(team)}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      `Weekly report ${week}, team ${team} (week to date)`,
    );
    await expect(page.getByRole("table", { name: "Teams" })).toHaveCount(0);

    await page.reload();
    await expect(page.getByRole("combobox", { name: "Team" })).toHaveValue(team);
  });

  test("the CSV download has the numbers the page shows", async ({ page }) => {
    await page.goto(`/reports/${week}`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`imagefleet-report-${week}.csv`);
    const csv = fs.readFileSync((await download.path())!, "utf8");
    const fleetValue = (section: string, metric: string) =>
      csv
        .split("\r\n")
        .map((line) => line.split(","))
        .find(([w, team, s, m]) => w === week && team === "(fleet)" && s === section && m === metric)?.[5];

    const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
    for (const key of ["inventory.functions", "coldStarts.coldStarts", "lifecycle.wentInactive", "alerts.opened"]) {
      const [section, metric] = key.split(".") as [string, string];
      const shown = page.locator(`[data-metric="${key}"] [data-value]`);
      await expect(shown).toHaveText(whole.format(Number(fleetValue(section, metric))));
    }
  });

  test("the summary opens with the week's ranked actions, each linking to its functions", async ({ page }) => {
    await page.goto(`/reports/${week}`);
    const summary = page.getByRole("region", { name: "Summary" });
    const actions = summary.getByRole("list", { name: "Actions" }).getByRole("link");
    await expect(actions.first()).toBeVisible();
    expect(await actions.count()).toBeLessThanOrEqual(10);
    const first = actions.first();
    const href = (await first.getAttribute("href"))!;
    await first.click();
    await expect(page).toHaveURL((url) => `${url.pathname}${url.search}${url.hash}` === href);
  });

  test("each list downloads as its own CSV", async ({ page }) => {
    await page.goto(`/reports/${week}`);
    await page.getByText("Lists as CSV").click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "idle risk" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`imagefleet-report-${week}-idle-risk.csv`);
    const [header] = fs.readFileSync((await download.path())!, "utf8").split("\r\n");
    expect(header).toBe("week,team,function,account,region,idle_days,idle_since_unknown,predicted_inactive_at");
  });

  test("prints as a plain document: no navigation or buttons, black on white", async ({ page }) => {
    await page.setViewportSize({ width: 1000, height: 1400 });
    await page.goto(`/reports/${week}`);
    await expect(page.getByRole("figure", { name: "Cold starts and cold-start rate per day" })).toBeVisible();
    await page.emulateMedia({ media: "print", colorScheme: "light" });
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(page.getByRole("button", { name: "Print / PDF" })).toBeHidden();
    await expect(page.getByRole("combobox", { name: "Team" })).toBeHidden();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(255, 255, 255)");
    await page.screenshot({ path: "docs/screenshots/report-print.png", fullPage: true });
  });

  test("a malformed or unknown week is a 404 page that says so", async ({ page }) => {
    for (const path of ["/reports/2026-W99", "/reports/last-week", "/reports/1999-W01"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "No report for this week" })).toBeVisible();
    }
  });
});
