// The holes of the second security review, probed through the real sign-in against the built
// server: where a sign-in may return to, which host names and clients the server believes, what
// a restricted user learns from the accounts page, and how sessions end.
import { spawn } from "node:child_process";
import http from "node:http";
import { expect, type Page, test } from "@playwright/test";
import { createDb } from "@/lib/db/client";
import { functionId, PAYMENTS, SEED_FUNCTIONS, seedFleet } from "../tests/dashboard/support/seed";
import { signInAs, submitProviderLogin } from "./support/sign-in";

const db = createDb();

const ALERT_ID = "e2e-security-alert";

test.beforeAll(async () => {
  if ((await db.function.count()) === 0) await seedFleet(db, new Date());
  // The sign-in pass runs no collector (and the alert evaluation is server code): one open alert
  // on a payments function, as the evaluation would write it.
  const fn = SEED_FUNCTIONS.find((f) => f.name === "checkout-api")!;
  const now = new Date();
  await db.alert.upsert({
    where: { id: ALERT_ID },
    update: {},
    create: {
      id: ALERT_ID,
      fingerprint: `failed:${fn.accountId}:${fn.region}:${fn.name}`,
      rule: "failed",
      severity: "critical",
      state: "open",
      functionId: functionId(fn),
      accountId: fn.accountId,
      region: fn.region,
      functionName: fn.name,
      team: fn.team,
      title: "checkout-api failed",
      reason: "seeded by the security spec",
      openedAt: now,
      updatedAt: now,
    },
  });
});
test.afterAll(() => db.$disconnect());

async function signedIn(page: Page, user: string) {
  await signInAs(page, user);
  await expect(page).toHaveURL(/\/$/);
}

test("after signing in, a return path that normalises to another site goes home instead", async ({ page, baseURL }) => {
  for (const returnTo of [
    "/.//evil.example/phish",
    "/auth/../..//evil.example",
    "/%2F%2Fevil.example",
    "/%5Cevil.example",
  ]) {
    await page.context().clearCookies();
    await page.goto(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
    await submitProviderLogin(page, "vera");
    await expect(page).toHaveURL(`${baseURL}/`);
  }
});

/** A raw request, so Host and X-Forwarded-* are exactly what the test says, from `localAddress`. */
function rawGet(
  baseURL: string,
  path: string,
  headers: Record<string, string>,
  localAddress = "127.0.0.1",
): Promise<{ status: number; body: string }> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    const request = http.get(
      { hostname: url.hostname, port: url.port, path: url.pathname + url.search, headers, localAddress },
      (response) => {
        let body = "";
        response.on("data", (chunk) => {
          body += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on("error", reject);
  });
}

test("a page reached under a foreign host name (DNS rebinding) is refused, the signed-in user's too", async ({
  page,
  baseURL,
}) => {
  await signedIn(page, "ada");
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const own = new URL(baseURL!).host;
  expect((await rawGet(baseURL!, "/api/fleet/summary", { host: own, cookie })).status).toBe(200);
  const rebound = await rawGet(baseURL!, "/api/fleet/summary", {
    host: `attacker.example:${new URL(baseURL!).port}`,
    cookie,
  });
  expect(rebound.status).toBe(403);
  expect(rebound.body).toContain("attacker.example");
  // X-Forwarded-Host from a client that is no trusted proxy counts for nothing.
  const forwarded = await rawGet(baseURL!, "/functions", { host: "attacker.example", "x-forwarded-host": own, cookie });
  expect(forwarded.status).toBe(403);
});

test("rotating X-Forwarded-For does not escape the API rate limit", async ({ baseURL }) => {
  // From a loopback address of its own (the server sees the socket's), so that exhausting this
  // client's budget leaves the other tests' alone. The limit is 400 a minute (playwright.auth.config.ts),
  // refilled as time passes: with the forged addresses believed, no number of requests would meet it.
  const statuses: number[] = [];
  for (let i = 0; i < 1000 && !statuses.includes(429); i++) {
    const forged = { host: new URL(baseURL!).host, "x-forwarded-for": `198.51.100.${i % 250}, 203.0.113.${i % 200}` };
    statuses.push((await rawGet(baseURL!, "/api/fleet/summary", forged, "127.0.0.2")).status);
  }
  expect(statuses).toContain(429);
  expect(statuses.slice(0, 390).every((status) => status === 401)).toBe(true);
});

test("a team-restricted user's accounts page names only their functions and counts only them", async ({ page }) => {
  const errors = [
    { api: "lambda:GetFunction", functionName: "invoice-renderer", code: "ServiceException", message: "boom" },
    { api: "lambda:GetFunction", functionName: "checkout-api", code: "ServiceException", message: "boom" },
    { api: "ecr:DescribeImages", code: "RepositoryNotFoundException", message: "payments/ledger-secret: gone" },
  ];
  await db.pollRun.create({
    data: {
      id: `run-e2e-scope-${Date.now()}`,
      accountId: PAYMENTS,
      region: "us-east-1",
      trigger: "schedule",
      startedAt: new Date(),
      finishedAt: new Date(),
      status: "partial",
      functionsSeen: 99,
      errorCount: errors.length,
      errors: JSON.stringify(errors),
    },
  });
  // Bill's group sees the billing team's functions, which run in the payments account.
  await signedIn(page, "bill");
  const answer = await page.request.get("/api/accounts");
  expect(answer.status()).toBe(200);
  const text = await answer.text();
  expect(text).toContain("invoice-renderer");
  expect(text).not.toContain("checkout-api");
  expect(text).not.toContain("ledger-secret");
  expect(text).not.toContain('"functionsSeen":99');
  expect((await page.request.get("/api/accounts?__proto__=x")).status()).toBe(400);

  await page.goto("/accounts");
  await expect(page.getByText("invoice-renderer").first()).toBeVisible();
  await expect(page.getByText("checkout-api")).toHaveCount(0);
});

test("API answers are private to the user: no-store, and varying by cookie", async ({ page }) => {
  await signedIn(page, "vera");
  for (const path of ["/api/functions", "/api/auth/session", "/api/accounts?colour=blue"]) {
    const headers = (await page.request.get(path)).headers();
    expect(headers["cache-control"], path).toBe("no-store");
    expect(headers.vary, path).toMatch(/\bCookie\b/i);
  }
});

test("sign-out ends the session on the server: a copy of its cookie is refused", async ({ page, browser }) => {
  await signedIn(page, "vera");
  const copy = await browser.newContext();
  await copy.addCookies(await page.context().cookies());
  expect((await copy.request.get("/api/auth/session")).status()).toBe(200);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.getByRole("button", { name: "Yes, sign me out" }).click();
  await expect(page).toHaveURL(/\/auth\/signed-out$/);
  expect((await copy.request.get("/api/auth/session")).status()).toBe(401);
  await copy.close();
});

test("an administrator signs everyone out everywhere", async ({ page, browser }) => {
  const viewer = await (await browser.newContext()).newPage();
  await signedIn(viewer, "vera");
  await signedIn(page, "ada");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.getByRole("button", { name: "Yes, sign me out" }).click();
  await expect(page).toHaveURL(/\/auth\/signed-out$/);
  expect((await viewer.request.get("/api/auth/session")).status()).toBe(401);
  await viewer.context().close();
});

test("a restricted administrator refreshes only their teams' reports, and silences are signed", async ({ page }) => {
  await signedIn(page, "rita");
  await expect(page.getByRole("button", { name: "Sign out everywhere" })).toHaveCount(0);
  expect((await page.request.delete("/api/auth/sessions")).status()).toBe(403);

  const before = new Map(
    (await db.report.findMany({ where: { provisional: true } })).map((r) => [r.team, r.generatedAt]),
  );
  const refresh = await page.request.post("/api/reports");
  expect(refresh.status()).toBe(200);
  const after = await db.report.findMany({ where: { provisional: true } });
  const changed = after.filter((r) => before.get(r.team)?.getTime() !== r.generatedAt.getTime()).map((r) => r.team);
  expect(changed).toEqual(["payments"]);

  const id = ALERT_ID;
  const until = new Date(Date.now() + 3_600_000).toISOString();
  expect((await page.request.post(`/api/alerts/${id}/silence`, { data: { until } })).status()).toBe(200);
  expect((await page.request.post(`/api/alerts/${id}/acknowledge`, { data: { by: "Mallory" } })).status()).toBe(400);
  // A silence is a rule signed by whoever made it, never by a name sent along.
  const { silences } = (await (await page.request.get("/api/alerts/silences")).json()) as {
    silences: { createdBy: string; status: string }[];
  };
  expect(silences).toContainEqual(expect.objectContaining({ createdBy: "Rita Restricted", status: "active" }));
  const detail = await (await page.request.get(`/api/alerts/${id}`)).json();
  expect(detail.silenced).toBe(true);
});

test("without sign-in, a server that listens on every interface refuses to start", async () => {
  // `next start -p N` without -H binds every interface, whatever HOST says.
  const server = spawn("node_modules/.bin/next", ["start", "-p", "0"], {
    env: { ...process.env, HOST: "127.0.0.1", IMAGEFLEET_CONFIG: "", COLLECTOR: "off", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout.on("data", (chunk) => {
    output += chunk;
  });
  server.stderr.on("data", (chunk) => {
    output += chunk;
  });
  const code = await new Promise<number | null>((resolve) => server.on("exit", resolve));
  expect(code).toBe(1);
  expect(output).toMatch(/refusing to serve (::|0\.0\.0\.0) without sign-in/);
});
