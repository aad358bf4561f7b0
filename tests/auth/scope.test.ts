// A user restricted to some accounts or teams sees only those functions, their alerts and their
// teams' reports, on every read path: the table, the overview, the function page, alerts, reports.
import { beforeAll, describe, expect, it } from "vitest";
import { acknowledgeAlert } from "@/lib/alerts/actions";
import { evaluateAlerts } from "@/lib/alerts/evaluate";
import { alertsView } from "@/lib/alerts/view";
import { type AccountScope, inScope } from "@/lib/analysis/scope";
import { lastClosedWeek } from "@/lib/analysis/weeks";
import { configSchema } from "@/lib/config/schema";
import { db } from "@/lib/db/client";
import { listAccounts } from "@/lib/db/queries/accounts";
import { alertCounts, getAlert, listAlerts } from "@/lib/db/queries/alerts";
import { fleetFacets } from "@/lib/db/queries/facets";
import { fleetColdStarts } from "@/lib/db/queries/fleet-cold-starts";
import { fleetLifecycle } from "@/lib/db/queries/fleet-lifecycle";
import { fleetSummary } from "@/lib/db/queries/fleet-summary";
import { fleetTopLists } from "@/lib/db/queries/fleet-top";
import { functionDetail } from "@/lib/db/queries/function-detail";
import { functionsPage } from "@/lib/db/queries/functions";
import { generateReport } from "@/lib/reports/generate";
import { loadReportList, loadReportView } from "@/lib/reports/load";
import { fleetView } from "@/lib/url-state/fleet-view";
import { functionView } from "@/lib/url-state/function-view";
import { functionsView } from "@/lib/url-state/functions-view";
import { DATA, functionId, LEGACY, PAYMENTS, SEED_FUNCTIONS, seedFleet } from "../dashboard/support/seed";

const now = new Date();
const config = configSchema.parse({});
/** Sam: the whole data account, and the payments team's functions wherever they run. */
const sam: AccountScope = { accounts: [DATA], teams: ["payments"] };
const nobody: AccountScope = { accounts: [], teams: [] };

const current = SEED_FUNCTIONS.filter((f) => f.deletedDaysAgo === undefined);
const visibleTo = (scope: AccountScope) => current.filter((f) => inScope(scope, f));
const ids = (rows: { id: string | null }[]) => rows.map((r) => r.id).sort();
const everything = functionsView.schemas.api.parse({ pageSize: "500" });
const overview = fleetView.schemas.api.parse({ range: "7d" });

beforeAll(async () => {
  await seedFleet(db, now);
  await evaluateAlerts({ now, config });
  await generateReport(lastClosedWeek(now), now, config);
});

describe("a restricted user", () => {
  it("lists only their functions in the table, and nothing for an empty restriction", async () => {
    const page = await functionsPage(everything, { scope: sam, now });
    expect(ids(page.rows)).toEqual(visibleTo(sam).map(functionId).sort());
    expect(page.total).toBe(visibleTo(sam).length);
    expect(page.rows.some((r) => r.accountId === PAYMENTS)).toBe(true);
    expect((await functionsPage(everything, { scope: nobody, now })).total).toBe(0);
  });

  it("sees the overview of their functions only", async () => {
    const visible = visibleTo(sam);
    const summary = await fleetSummary({ scope: sam });
    expect(summary.functions).toBe(visible.length);
    expect(summary.accounts).toBe(new Set(visible.map((f) => f.accountId)).size);

    const facets = await fleetFacets({ scope: sam });
    expect(facets.accounts.map((a) => a.id).sort()).toEqual([DATA, PAYMENTS].sort());
    expect(facets.teams).toEqual([...new Set(visible.map((f) => f.team!))].sort());

    const top = await fleetTopLists(overview, { scope: sam, now });
    const listed = [...top.mostColdStarts, ...top.closestToIdle, ...top.failed].map((entry) => entry.fn.id);
    expect(listed.length).toBeGreaterThan(0);
    const visibleIds = visibleTo(sam).map(functionId);
    for (const id of listed) expect(visibleIds).toContain(id);
  });

  it("charts cold starts of their functions: one account's equal that account's slice", async () => {
    const onlyData = await fleetColdStarts(overview, { scope: { accounts: [DATA], teams: [] }, now });
    const dataSlice = await fleetColdStarts(fleetView.schemas.api.parse({ range: "7d", account: DATA }), { now });
    expect(onlyData.totals).toEqual(dataSlice.totals);
    expect(onlyData.totals.coldStarts).toBeGreaterThan(0);
    expect((await fleetColdStarts(overview, { scope: nobody, now })).totals.coldStarts).toBe(0);
  });

  it("charts the lifecycle of their functions from state history, matching the snapshots for whole accounts", async () => {
    const all: AccountScope = { accounts: [PAYMENTS, DATA, LEGACY], teams: [] };
    const fromHistory = await fleetLifecycle(overview, { scope: all, now });
    const fromSnapshots = await fleetLifecycle(overview, { now });
    expect(fromHistory.points.at(-1)).toEqual(fromSnapshots.points.at(-1));

    const last = (await fleetLifecycle(overview, { scope: sam, now })).points.at(-1)!;
    for (const state of ["Active", "Inactive", "Failed", "Pending"] as const) {
      expect(last[state]).toBe(visibleTo(sam).filter((f) => f.states.at(-1)!.state === state).length);
    }
  });

  it("cannot open the page of a function outside their scope", async () => {
    const window = functionView.schemas.api.parse({});
    const outside = current.find((f) => !inScope(sam, f))!;
    const inside = visibleTo(sam)[0]!;
    expect(await functionDetail(outside, window, { scope: sam, now })).toBeNull();
    expect(await functionDetail(inside, window, { scope: sam, now })).not.toBeNull();
  });

  it("sees and acts on their alerts only", async () => {
    const query = alertsView.schemas.api.parse({ state: "all", pageSize: "100" });
    const all = await listAlerts(query);
    const theirs = await listAlerts(query, { scope: sam });
    const expected = all.alerts.filter((a) => inScope(sam, { accountId: a.function.accountId, team: a.function.team }));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.alerts.length);
    expect(ids(theirs.alerts)).toEqual(ids(expected));
    expect((await alertCounts({ scope: sam })).active).toBe(expected.filter((a) => a.state !== "resolved").length);

    const foreign = all.alerts.find((a) => !expected.includes(a))!;
    expect(await getAlert(foreign.id, { scope: sam })).toBeNull();
    expect(await acknowledgeAlert(foreign.id, { by: "sam", scope: sam })).toBe("not-found");
    expect((await getAlert(foreign.id))?.state).toBe(foreign.state);
  });

  it("reads their teams' reports, not the fleet's", async () => {
    const week = lastClosedWeek(now);
    expect(await loadReportView(week, null, { scope: sam })).toBeNull();
    expect(await loadReportView(week, "data", { scope: sam })).toBeNull();
    const payments = await loadReportView(week, "payments", { scope: sam });
    expect(payments).not.toBeNull();
    const list = await loadReportList(null, { scope: sam });
    expect(list.team).toBe("payments");
    expect(list.teams).toEqual(["payments"]);
    expect(list.reports.map((r) => r.week)).toContain(week);
  });

  it("sees the accounts holding their functions, with their function counts", async () => {
    const accounts = await listAccounts({ scope: sam });
    expect(accounts.map((a) => a.id).sort()).toEqual([DATA, PAYMENTS].sort());
    const payments = accounts.find((a) => a.id === PAYMENTS)!;
    const counted = payments.regions.reduce((n, r) => n + r.functions, 0);
    expect(counted).toBe(visibleTo(sam).filter((f) => f.accountId === PAYMENTS).length);
  });
});
