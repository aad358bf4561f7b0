import { expect, test } from "@playwright/test";
import { apiRoutes, pageRoutes } from "./support/routes";

test("every page sends a visitor without a session to the sign-in", async ({ request }) => {
  const pages = pageRoutes();
  expect(pages).toContain("/functions/sample-account/sample-region/sample-name");
  for (const route of pages) {
    const response = await request.get(route, { maxRedirects: 0 });
    expect(response.status(), route).toBe(307);
    const location = new URL(response.headers().location ?? "", "http://x");
    expect(location.pathname, route).toBe("/auth/login");
    expect(location.searchParams.get("returnTo"), route).toBe(route);
  }
});

test("every API route answers 401 without a session, for reads and writes", async ({ request }) => {
  const routes = apiRoutes();
  expect(routes).toContain("/api/functions");
  for (const route of routes) {
    for (const method of ["get", "post"] as const) {
      const response = await request[method](route, { maxRedirects: 0 });
      expect(response.status(), `${method} ${route}`).toBe(401);
      expect((await response.json()).error.code).toBe("unauthorized");
    }
  }
});

test("the health check stays open", async ({ request }) => {
  expect((await request.get("/api/health")).status()).toBe(200);
});
