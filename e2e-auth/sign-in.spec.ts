import { expect, test } from "@playwright/test";
import { signInAs, submitProviderLogin } from "./support/sign-in";

test("a viewer signs in through the provider and lands where they were going", async ({ page }) => {
  await signInAs(page, "vera", "/accounts");
  await expect(page).toHaveURL(/\/accounts$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session).toMatchObject({ signInEnabled: true, user: { sub: "vera", name: "Vera Viewer", role: "viewer" } });
});

test("only an admin may change things", async ({ page, browser }) => {
  await signInAs(page, "vera");
  await expect(page).toHaveURL(/\/$/);
  const refused = await page.request.post("/api/auth/check-admin");
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("forbidden");

  const adminPage = await (await browser.newContext()).newPage();
  await signInAs(adminPage, "ada");
  await expect(adminPage).toHaveURL(/\/$/);
  expect((await adminPage.request.post("/api/auth/check-admin")).status()).toBe(204);
});

test("sign-out ends the session", async ({ page }) => {
  await signInAs(page, "vera");
  await expect(page).toHaveURL(/\/$/);
  expect((await page.request.get("/api/auth/session")).status()).toBe(200);
  const signOut = await page.request.post("/auth/logout", { maxRedirects: 0 });
  expect(signOut.status()).toBe(303);
  expect((await page.request.get("/api/auth/session")).status()).toBe(401);
});

test("a user in no allowed group gets the 403 page, and can sign out to try someone else", async ({ page }) => {
  const errorPage = page.waitForResponse((response) => new URL(response.url()).pathname === "/auth/error");
  await signInAs(page, "otto");
  await expect(page).toHaveURL(/\/auth\/error\?reason=forbidden$/);
  expect((await errorPage).status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You are not allowed to use ImageFleet" })).toBeVisible();

  await page.getByRole("button", { name: "Sign in as someone else" }).click();
  await page.getByRole("button", { name: "Yes, sign me out" }).click();
  await expect(page).toHaveURL(/\/auth\/signed-out$/);
  await page.getByRole("link", { name: "Sign in" }).click();
  await submitProviderLogin(page, "vera");
  await expect(page).toHaveURL(/\/$/);
});

test("when the session ends, the next click goes through the provider again and on to the page", async ({
  page,
  context,
}) => {
  await signInAs(page, "vera");
  await expect(page).toHaveURL(/\/$/);
  await context.clearCookies({ name: "imagefleet_session" });
  // The provider still knows the user, so it signs them in again without asking.
  const callback = page.waitForRequest((request) => new URL(request.url()).pathname === "/auth/callback");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Functions" }).click();
  await callback;
  await expect(page).toHaveURL(/\/functions$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
