import { expect, type Page } from "@playwright/test";

/** Fills in the provider's own login form (it accepts any password for its test users). */
export async function submitProviderLogin(page: Page, user: string) {
  await expect(page).toHaveTitle("Sign-in");
  await page.getByPlaceholder("Enter any login").fill(user);
  await page.getByPlaceholder("and password").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

/** Opens `path` without a session, which leads to the provider's login form, and signs in there. */
export async function signInAs(page: Page, user: string, path = "/") {
  await page.goto(path);
  await submitProviderLogin(page, user);
}
