import { beforeAll, describe, expect, it } from "vitest";
import { acknowledgeAlert, silenceAlert } from "@/lib/alerts/actions";
import { evaluateAlerts } from "@/lib/alerts/evaluate";
import { DAY_MS, HOUR_MS } from "@/lib/analysis/time";
import { db } from "@/lib/db/client";
import { getAlert, listAlerts, openAlertsByFunction } from "@/lib/db/queries/alerts";
import {
  daysBefore,
  digest,
  functionId,
  later,
  NOW,
  seedAccount,
  seedFunction,
  testConfig,
  updateFunction,
} from "./support/fleet";

const config = testConfig();
const evaluate = (now: Date) => evaluateAlerts({ now, config });
const query = { state: "all" as const, page: 1, pageSize: 50 };

async function onlyAlert(rule: string) {
  const { alerts } = await listAlerts({ ...query, rule: rule as never }, { now: NOW });
  expect(alerts).toHaveLength(1);
  return (await getAlert(alerts[0]!.id, { now: NOW }))!;
}

describe("alert lifecycle", () => {
  beforeAll(async () => {
    await seedAccount(db);
    // Idle 10.5 days: a warning now, critical from 13 days on.
    await seedFunction(db, { name: "orders", lastInvokedAt: daysBefore(10.5), image: { digest: digest(1) } });
    await seedFunction(db, { name: "healthy", image: { digest: digest(2) } });
  });

  it("opens an alert when a rule fires, and changes nothing on a second run", async () => {
    expect(await evaluate(NOW)).toEqual({ opened: 1, updated: 0, escalated: 0, resolved: 0 });
    expect(await evaluate(NOW)).toEqual({ opened: 0, updated: 0, escalated: 0, resolved: 0 });
    const alert = await onlyAlert("idle-near-inactive");
    expect(alert).toMatchObject({ severity: "warning", state: "open", function: { name: "orders", team: "payments" } });
    expect(alert.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(alert.permalink).toBe(`http://127.0.0.1:3000/alerts/${alert.id}`);
    expect(alert.evidence).toMatchObject({ idleDays: 10.5, thresholdDays: 14 });
    expect(alert.timeline).toEqual([{ kind: "opened", at: NOW.toISOString(), severity: "warning" }]);
  });

  it("puts an alert in its group, and regroups one stored before grouping or under another groupBy", async () => {
    const { id } = await onlyAlert("idle-near-inactive");
    const row = await db.alert.findUniqueOrThrow({ where: { id } });
    const repository = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/orders";
    expect(row).toMatchObject({
      groupKey: `rule=idle-near-inactive,team=payments,subject=${encodeURIComponent(repository)}`,
      subject: repository,
    });
    await db.alert.update({ where: { id }, data: { groupKey: "", subject: "" } });
    expect(await evaluate(NOW)).toEqual({ opened: 0, updated: 0, escalated: 0, resolved: 0 });
    expect(await db.alert.findUniqueOrThrow({ where: { id } })).toMatchObject({ groupKey: row.groupKey });
    await evaluateAlerts({ now: NOW, config: testConfig({ alerts: { groupBy: ["team"] } }) });
    expect(await db.alert.findUniqueOrThrow({ where: { id } })).toMatchObject({ groupKey: "team=payments" });
    await evaluate(NOW);
  });

  it("updates the evidence while the finding holds, under the same id", async () => {
    const before = await onlyAlert("idle-near-inactive");
    expect(await evaluate(later(6 * HOUR_MS))).toEqual({ opened: 0, updated: 1, escalated: 0, resolved: 0 });
    const after = await onlyAlert("idle-near-inactive");
    expect(after.id).toBe(before.id);
    expect(after.evidence.idleDays).toBe(10.8);
    expect(after.timeline).toHaveLength(1);
  });

  it("acknowledges, and an escalation takes the acknowledgement back", async () => {
    const { id } = await onlyAlert("idle-near-inactive");
    expect(await acknowledgeAlert(id, { by: "oncall@example.com", now: later(7 * HOUR_MS) })).toBe("ok");
    expect(await getAlert(id)).toMatchObject({ state: "acknowledged", acknowledgedBy: "oncall@example.com" });

    const escalation = later(2.7 * DAY_MS);
    expect(await evaluate(escalation)).toEqual({ opened: 0, updated: 1, escalated: 1, resolved: 0 });
    const alert = (await getAlert(id))!;
    expect(alert).toMatchObject({ severity: "critical", state: "open" });
    expect(alert.timeline.map((event) => event.kind)).toEqual(["opened", "acknowledged", "escalated"]);
    expect(alert.timeline[2]).toEqual({
      kind: "escalated",
      at: escalation.toISOString(),
      from: "warning",
      to: "critical",
    });
    expect(await openAlertsByFunction([functionId("orders"), functionId("healthy")])).toEqual({
      [functionId("orders")]: {
        count: 1,
        severity: "critical",
        alerts: [{ id, rule: "idle-near-inactive", severity: "critical", title: "Idle, nearing Inactive" }],
      },
    });
  });

  it("resolves when the rule stops firing and opens what fires instead", async () => {
    const { id } = await onlyAlert("idle-near-inactive");
    await updateFunction(db, "orders", { state: "Inactive", stateReasonCode: "Idle" });
    const at = later(3 * DAY_MS);
    expect(await evaluate(at)).toEqual({ opened: 1, updated: 0, escalated: 0, resolved: 1 });
    expect(await getAlert(id)).toMatchObject({ state: "resolved", resolvedAt: at.toISOString() });
    expect((await getAlert(id))!.timeline.at(-1)).toEqual({ kind: "resolved", at: at.toISOString() });
    const inactive = await onlyAlert("inactive");
    expect(inactive.reason).toContain("the next invocation will fail");
  });

  it("silences until a time, recording who did, and refuses changes to a resolved alert", async () => {
    const { id } = await onlyAlert("inactive");
    const until = later(5 * DAY_MS);
    expect(await silenceAlert(id, { until, by: "sam", now: later(3 * DAY_MS) })).toBe("ok");
    expect(await getAlert(id, { now: later(4 * DAY_MS) })).toMatchObject({
      silenced: true,
      silencedUntil: until.toISOString(),
    });
    expect(await getAlert(id, { now: later(6 * DAY_MS) })).toMatchObject({ silenced: false });

    const resolved = (await listAlerts({ ...query, state: "resolved" })).alerts[0]!;
    expect(await acknowledgeAlert(resolved.id, { by: null })).toBe("resolved");
    expect(await silenceAlert("no-such-alert", { until, by: "sam" })).toBe("not-found");
  });

  it("keeps the history: a recurrence is a new alert beside the resolved one", async () => {
    await updateFunction(db, "orders", { state: "Active", stateReasonCode: null, lastInvokedAt: later(3 * DAY_MS) });
    await updateFunction(db, "healthy", { lastInvokedAt: later(13 * DAY_MS) });
    expect(await evaluate(later(3.5 * DAY_MS))).toMatchObject({ resolved: 1 });
    expect(await evaluate(later(14 * DAY_MS))).toMatchObject({ opened: 1 });
    const history = await listAlerts({ ...query, rule: "idle-near-inactive" });
    expect(history.alerts.map((alert) => alert.state)).toEqual(["open", "resolved"]);
    expect(history.facets).toEqual({
      accounts: [{ id: "111122223333", name: "payments-prod" }],
      teams: ["payments"],
      regions: ["eu-west-1"],
      environments: [],
    });
  });
});
