import { type APIRequestContext, expect, test } from "@playwright/test";
import { pollJson, waitForFirstCollection } from "./support/collection";

// The demo starts on a fresh database: what was not collected yet must show as such, never as zero.

test.beforeEach(async ({ request }) => {
  await waitForFirstCollection(request);
});

type Row = { accountId: string; region: string; name: string };

/** The first demo function matching `filter`, once the collection in progress has stored one. */
async function firstFunction(request: APIRequestContext, filter: string): Promise<string> {
  let fn: Row | undefined;
  await expect
    .poll(
      async () => {
        fn = (await pollJson<{ rows?: Row[] }>(request, `/api/functions?${filter}&pageSize=1`)).rows?.[0];
        return fn !== undefined;
      },
      { message: `a demo function matching ${filter}`, timeout: 120_000, intervals: [1000, 2000, 5000] },
    )
    .toBe(true);
  return `/functions/${fn!.accountId}/${fn!.region}/${encodeURIComponent(fn!.name)}`;
}

test("a function page over a month marks where collection starts and says what its totals cover", async ({
  page,
  request,
}) => {
  const path = await firstFunction(request, "state=Active&packageType=Image");
  await page.goto(`${path}?range=30d`);
  const coldStarts = page.getByRole("figure", { name: /^Cold starts and init duration per day/ });
  await expect(coldStarts.getByText(/^collecting since \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/)).toBeVisible();
  await expect(coldStarts.getByText("not collected")).toBeVisible();
  await expect(page.getByText(/^30 d · covers the last \d+ [dh]$/).first()).toBeVisible();
});

test("an Inactive function's idle card says since when it is Inactive and that it is past the threshold", async ({
  page,
  request,
}) => {
  await page.goto(await firstFunction(request, "state=Inactive&packageType=Image"));
  const idle = page.getByRole("heading", { name: "Idle" }).locator("xpath=ancestor::section[1]");
  await expect(idle.getByText(/^Inactive since (at least )?\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC, idle ≥ /)).toBeVisible();
  await expect(idle.getByText("already Inactive", { exact: false })).toBeVisible();
});
