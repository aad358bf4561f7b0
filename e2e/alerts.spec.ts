import { type APIRequestContext, expect, test } from "@playwright/test";
import { alertWindow } from "@/lib/analysis/alerts/window";
import type { AlertDetail, AlertList } from "@/lib/contracts/alerts";
import { pollJson, waitForFirstCollection } from "./support/collection";

/** Alerts are evaluated after each collection cycle: wait for some about a function that still exists. */
async function anAlertWithAFunction(request: APIRequestContext): Promise<AlertList["alerts"][number]> {
  let found: AlertList["alerts"][number] | undefined;
  await expect
    .poll(
      async () => {
        const list = await pollJson<AlertList>(request, "/api/alerts?state=active&pageSize=50");
        found = list.alerts.find((alert) => alert.function.id !== null && alert.function.name !== null);
        return found !== undefined;
      },
      { message: "waiting for alerts (GET /api/alerts)", timeout: 180_000, intervals: [1000, 2000, 3000] },
    )
    .toBe(true);
  return found!;
}

test.beforeEach(async ({ request }) => {
  // The first alerts come after the whole first collection cycle, not just its first poll run.
  test.setTimeout(240_000);
  await waitForFirstCollection(request);
});

test("a permalink opens the alert, and one click on, the function page with the window around it", async ({
  page,
  request,
}) => {
  const summary = await anAlertWithAFunction(request);
  const fn = summary.function;
  // The permalink's host is the configured public base URL; its path is what the link opens here.
  await page.goto(new URL(summary.permalink).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${summary.title}: ${fn.name}`);
  await expect(page.getByText(summary.reason).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Evidence" })).toBeVisible();
  await expect(page.getByText(/^Opened as (info|warning|critical)$/)).toBeVisible();

  const detail = (await (await request.get(`/api/alerts/${summary.id}`)).json()) as AlertDetail;
  const window = alertWindow(
    { openedAt: new Date(detail.openedAt), resolvedAt: detail.resolvedAt ? new Date(detail.resolvedAt) : null },
    new Date(),
  );
  await page.getByRole("link", { name: "Open the function page around this alert" }).click();
  await expect(page).toHaveURL((url) => {
    const path = `/functions/${fn.accountId}/${fn.region}/${encodeURIComponent(fn.name!)}`;
    return (
      url.pathname === path && url.searchParams.get("from") === window.from.toISOString() && url.searchParams.has("to")
    );
  });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fn.name!);
});

test("acknowledging on the alert page is kept", async ({ page, request }) => {
  const summary = await anAlertWithAFunction(request);
  await page.goto(`/alerts/${summary.id}`);
  const acknowledge = page.getByRole("button", { name: "Acknowledge", exact: true });
  await acknowledge.click();
  await expect(page.getByRole("button", { name: "Acknowledged" })).toBeDisabled();
  await page.reload();
  await expect(page.getByText(/^Acknowledged$/).first()).toBeVisible();
  expect(((await (await request.get(`/api/alerts/${summary.id}`)).json()) as AlertDetail).state).toBe("acknowledged");
});

test("the alert list filters by severity in the URL", async ({ page, request }) => {
  await anAlertWithAFunction(request);
  await page.goto("/alerts");
  await page.getByLabel("Severity").selectOption("critical");
  await expect(page).toHaveURL(/severity=critical/);
  await page.reload();
  await expect(page.getByLabel("Severity")).toHaveValue("critical");
});

test("an unknown alert id is a real 404", async ({ page }) => {
  const response = await page.goto("/alerts/no-such-alert");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
});
