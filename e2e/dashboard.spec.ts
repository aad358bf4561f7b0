import { expect, type Page, test } from "@playwright/test";
import { waitForFirstCollection } from "./support/collection";

test.beforeEach(async ({ request }) => {
  await waitForFirstCollection(request);
});

const chart = (page: Page, name: string | RegExp) => page.getByRole("figure", { name });

test("the overview draws the lifecycle and cold-start charts with data", async ({ page }) => {
  await page.goto("/");
  const lifecycle = chart(page, "Functions by lifecycle state over time");
  // An area of the first minutes of history can be a flat line: present, not necessarily tall.
  await expect(lifecycle.locator(".recharts-area-area").first()).toBeAttached();
  await expect(lifecycle.getByText("Active").first()).toBeVisible();
  const coldStarts = chart(page, /^Cold starts, cold-start rate and init duration p95/);
  await expect(coldStarts.locator(".recharts-bar-rectangle").first()).toBeVisible();

  await page.getByRole("button", { name: "30 d" }).click();
  await expect(page).toHaveURL(/range=30d/);
  await expect(chart(page, "Cold starts, cold-start rate and init duration p95 per day")).toBeVisible();
});

test("filtering the table by Image and Inactive narrows it, lives in the URL and survives a reload", async ({
  page,
}) => {
  await page.goto("/functions");
  const summary = page.getByRole("navigation", { name: "Pages" }).getByText(/of [\d,]+ functions/);
  await expect(summary).toBeVisible();
  const total = Number((await summary.textContent())!.match(/of ([\d,]+) functions/)![1]!.replace(/,/g, ""));

  // A choice made before the page hydrates is lost (a loaded machine hydrates late): choose again until it lands.
  const choose = async (label: string, value: string, url: RegExp) =>
    expect(async () => {
      await page.getByLabel(label).selectOption(value);
      await expect(page).toHaveURL(url, { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
  await choose("Package type", "Image", /packageType=Image/);
  await choose("State", "Inactive", /state=Inactive/);

  const rows = page.getByRole("table").getByRole("row");
  await expect(summary).not.toHaveText(new RegExp(`of ${total.toLocaleString("en-US")} functions`));
  // The table keeps the previous page on screen while the filtered one loads: wait for it.
  await expect
    .poll(async () => {
      const texts = await rows.allInnerTexts();
      return texts.length > 1 && texts.slice(1).every((text) => /Inactive/.test(text));
    })
    .toBe(true);
  const filtered = await rows.count();
  expect(filtered).toBeGreaterThan(1);
  for (const row of await rows.all().then((all) => all.slice(1))) {
    await expect(row.getByText("Image", { exact: true })).toBeVisible();
    await expect(row.getByText(/^Inactive/).first()).toBeVisible();
  }

  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.getByLabel("Package type")).toHaveValue("Image");
  await expect(page.getByLabel("State")).toHaveValue("Inactive");
  await expect(rows).toHaveCount(filtered);
});

test("sorting by a header button puts the sort in the URL", async ({ page }) => {
  // A click before hydration is lost, and a second one would flip the direction: let the page settle first.
  await page.goto("/functions", { waitUntil: "networkidle" });
  await page.getByRole("button", { name: "Cold starts" }).click();
  await expect(page).toHaveURL(/sort=coldStarts/);
  await expect(page.getByRole("columnheader", { name: "Cold starts" })).toHaveAttribute("aria-sort", "ascending");
});

test("a function page shows its timeline, cold-start chart and AWS links for its account and region", async ({
  page,
}) => {
  await page.goto("/functions?packageType=Image&sort=coldStarts&dir=desc");
  const link = page.getByRole("table").getByRole("row").nth(1).getByRole("link").first();
  const name = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const [, account, region] = new URL(page.url()).pathname.match(/^\/functions\/(\d{12})\/([a-z0-9-]+)\//)!;

  await expect(chart(page, "State timeline").locator("[data-state]").first()).toBeVisible();
  await expect(
    chart(page, /^Cold starts and init duration per/)
      .locator(".recharts-bar-rectangle")
      .first(),
  ).toBeVisible();

  const console = page.getByRole("link", { name: /Lambda console/ });
  await expect(console).toHaveAttribute(
    "href",
    `https://${region}.console.aws.amazon.com/lambda/home?region=${region}#/functions/${name}`,
  );
  const insights = await page.getByRole("link", { name: /Logs Insights/ }).getAttribute("href");
  expect(insights).toContain(
    `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#logsV2:logs-insights`,
  );
  // The query opens the function's own log group (a JSON-format function may log to a shared one).
  const { logGroup } = (await (await page.request.get(`/api/functions/${account}/${region}/${name}`)).json()) as {
    logGroup: string;
  };
  expect(insights).toContain(logGroup.replaceAll("/", "*2F"));
  await expect(page.getByText(`sign in to ${account}`)).toBeVisible();
});

test("a link with a time window opens the function on that window", async ({ page }) => {
  await page.goto("/functions");
  const href = await page.getByRole("table").getByRole("row").nth(1).getByRole("link").first().getAttribute("href");
  const to = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  const from = new Date(to.getTime() - 6 * 3_600_000);
  await page.goto(`${href!.split("?")[0]}?from=${from.toISOString()}&to=${to.toISOString()}`);
  await expect(page.getByRole("button", { name: /UTC$/ })).toHaveAttribute("aria-pressed", "true");
  await expect(
    chart(page, "State timeline").getByText(from.toISOString().slice(0, 16).replace("T", " ")),
  ).toBeVisible();
});

test("a bad filter value shows what is wrong instead of crashing", async ({ page }) => {
  const response = await page.goto("/functions?state=Sleeping&pageSize=9999");
  expect(response?.status()).toBe(200);
  const alert = page.getByRole("alert").filter({ hasText: "cannot use" });
  await expect(alert).toContainText("state");
  await expect(alert).toContainText("pageSize");
  await alert.getByRole("link", { name: "Show the page without them" }).click();
  await expect(page).toHaveURL(/\/functions$/);
  await expect(page.getByRole("table")).toBeVisible();
});

test("an unknown function is a real 404", async ({ page }) => {
  const response = await page.goto("/functions/123456789012/us-east-1/no-such-function");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
});

test("the accounts page lists every account × region with its last poll", async ({ page }) => {
  await page.goto("/accounts");
  await expect(page.getByRole("columnheader", { name: "Last poll" }).first()).toBeVisible();
  await expect(page.getByRole("rowheader").first()).toHaveText(/^[a-z]{2}(-[a-z]+)+-\d$/);
});

test("the overview says which idle threshold predictions use, and how it was learned", async ({ page }) => {
  await page.goto("/");
  const heading = page.getByRole("heading", { name: "Idle threshold, learned from this fleet" });
  const card = page.locator("section", { has: heading });
  await expect(card.locator('[data-package-type="Image"]')).toContainText("Predictions use");
  await expect(card).toContainText("docs/idle-threshold.md");
});

test("a function page estimates what the window cost, saying it is an estimate", async ({ page }) => {
  await page.goto("/functions");
  const href = await page.getByRole("table").getByRole("row").nth(1).getByRole("link").first().getAttribute("href");
  await page.goto(href!);
  const heading = page.getByRole("heading", { name: "Estimated cost" });
  const card = page.locator("section", { has: heading });
  await expect(card).toContainText("Requests");
  await expect(card).toContainText("docs/cost.md");
});
