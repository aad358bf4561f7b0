import { expect, test } from "@playwright/test";

test("pages carry a nonce CSP and hydrate without violating it", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/");
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response?.headers()["referrer-policy"]).toBe("same-origin");
  // Client navigation only works once React hydrated, i.e. its scripts were allowed to run.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Accounts" }).click();
  await expect(page).toHaveURL(/\/accounts$/);
  expect(violations).toEqual([]);
});

test("cross-site writes to the API are refused", async ({ request }) => {
  const response = await request.post("/api/health", { headers: { Origin: "https://attacker.example" } });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe("forbidden");
});
