import { type APIRequestContext, expect, test } from "@playwright/test";
import type { AlertList } from "@/lib/contracts/alerts";
import { pollJson, waitForFirstCollection } from "./support/collection";

type AlertSummary = AlertList["alerts"][number];

/** An image-expiry-risk alert about a digest that only a 10 % canary route of an alias still runs. */
async function aCanaryAtRisk(request: APIRequestContext): Promise<AlertSummary> {
  let found: AlertSummary | undefined;
  await expect
    .poll(
      async () => {
        const list = await pollJson<AlertList>(request, "/api/alerts?rule=image-expiry-risk&state=active&pageSize=100");
        found = list.alerts.find((alert) => alert.function.id !== null && /alias live \(10 %\)/.test(alert.reason));
        return found !== undefined;
      },
      { message: "waiting for an image-expiry-risk alert on a canary version", timeout: 180_000, intervals: [2000] },
    )
    .toBe(true);
  return found!;
}

test.beforeEach(async ({ request }) => {
  test.setTimeout(240_000);
  await waitForFirstCollection(request);
});

test("a function whose alias routes 10 % to a version on an expiring image shows the warning and the rule", async ({
  page,
  request,
}) => {
  const alert = await aCanaryAtRisk(request);
  const fn = alert.function;
  const version = /version (\d+)/.exec(alert.reason)?.[1];
  expect(version).toBeDefined();

  await page.goto(`/functions/${fn.accountId}/${fn.region}/${encodeURIComponent(fn.name!)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fn.name!);

  const card = page.locator("section", { has: page.getByRole("heading", { name: "Versions and aliases" }) });
  await expect(card.getByRole("list", { name: "Aliases" })).toContainText(`version ${version} (10 %)`);
  const row = card.getByRole("row").filter({ has: page.getByRole("cell", { name: version!, exact: true }) });
  await expect(row).toContainText("live 10 %");
  await expect(row.getByRole("alert")).toContainText(/Rule \d+ \(.+\) will expire it/);
});
