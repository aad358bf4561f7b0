// Screenshots of every page for docs/screenshots/, taken only when asked:
//   SCREENSHOTS=1 npx tsx scripts/e2e.ts e2e/screenshots.spec.ts   (after `npm run build`)
import path from "node:path";
import { expect, test } from "@playwright/test";
import { waitForFirstCollection } from "./support/collection";

const enabled = process.env.SCREENSHOTS === "1";
const directory = path.resolve("docs/screenshots");

test.skip(!enabled, "set SCREENSHOTS=1 to refresh docs/screenshots");
test.use({ viewport: { width: 1440, height: 1000 } });

for (const scheme of ["light", "dark"] as const) {
  test(`every page in ${scheme} mode`, async ({ page, request }) => {
    await waitForFirstCollection(request);
    await page.emulateMedia({ colorScheme: scheme });
    const shoot = async (name: string) =>
      page.screenshot({ path: path.join(directory, `${name}-${scheme}.png`), fullPage: true });

    await page.goto("/");
    await expect(
      page.getByRole("figure", { name: "Functions by lifecycle state over time" }).locator("svg").first(),
    ).toBeVisible();
    await shoot("overview");

    await page.goto("/functions?packageType=Image");
    await expect(page.getByRole("table")).toBeVisible();
    await shoot("functions");

    const first = page.getByRole("table").getByRole("row").nth(1).getByRole("link").first();
    await first.click();
    await expect(page.getByRole("figure", { name: "State timeline" })).toBeVisible();
    await shoot("function");

    await page.goto("/accounts");
    await expect(page.getByRole("heading", { name: "Accounts", level: 1 })).toBeVisible();
    await shoot("accounts");
  });
}
