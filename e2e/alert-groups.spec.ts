import { expect, test } from "@playwright/test";
import type { AlertCounts, AlertGroupList } from "@/lib/contracts/alerts";
import { pollJson, waitForFirstCollection } from "./support/collection";

test.beforeEach(async ({ request }) => {
  // The first alerts come after the whole first collection cycle.
  test.setTimeout(240_000);
  await waitForFirstCollection(request);
  await expect
    .poll(async () => (await pollJson<AlertGroupList>(request, "/api/alerts/groups")).totalGroups, {
      message: "waiting for alerts (GET /api/alerts/groups)",
      timeout: 180_000,
      intervals: [1000, 2000, 3000],
    })
    .toBeGreaterThan(0);
});

test("on-call sees the failed group first, silences it with a note, finds the silence and the overview count drops", async ({
  page,
  request,
}) => {
  await page.goto("/alerts");
  const first = page.getByTestId("alert-group").first();
  await expect(first).toHaveAttribute("data-rule", "failed");
  await expect(first).toHaveAttribute("data-severity", "critical");

  const before = await pollJson<AlertCounts>(request, "/api/alerts/counts");
  const failedGroup = (await pollJson<AlertGroupList>(request, "/api/alerts/groups?rule=failed&severity=critical"))
    .groups[0]!;
  expect(failedGroup.needsAttention).toBeGreaterThan(0);

  await first.locator("summary").click();
  await first.getByRole("button", { name: "Silence group…" }).click();
  const form = first.getByRole("form", { name: "Silence" });
  await form.getByLabel("Until").selectOption("tomorrow-9");
  const note = `Restoring the deleted image (${Date.now()})`;
  await form.getByLabel("Note").fill(note);
  await form.getByRole("button", { name: "Silence group" }).click();
  await expect(form).toBeHidden();
  await expect(first).toContainText("silenced");

  await page.goto("/alerts/silences");
  const silence = page.getByTestId("silence").filter({ hasText: note });
  await expect(silence).toContainText("active");
  await expect(silence).toContainText("anonymous (loopback)");
  await expect(silence).toContainText("rule = Failed");

  const after = await pollJson<AlertCounts>(request, "/api/alerts/counts");
  expect(after.silenced).toBeGreaterThanOrEqual(failedGroup.needsAttention);
  expect(after.bySeverity.critical).toBeLessThan(before.bySeverity.critical);
  await page.goto("/");
  await expect(page.getByTestId("attention-critical")).toContainText(String(after.bySeverity.critical));
});
