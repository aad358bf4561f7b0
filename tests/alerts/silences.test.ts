// Silences as rules and acknowledgement with a note, through the route handlers, against a real database.
import { beforeAll, describe, expect, it } from "vitest";
import * as acknowledgeRoute from "@/app/api/alerts/acknowledge/route";
import * as liftRoute from "@/app/api/alerts/silences/[id]/lift/route";
import * as silencesRoute from "@/app/api/alerts/silences/route";
import { evaluateAlerts } from "@/lib/alerts/evaluate";
import { createSilence } from "@/lib/alerts/silences";
import type { SilenceList } from "@/lib/contracts/silences";
import { db } from "@/lib/db/client";
import { alertCounts, listAlertGroups } from "@/lib/db/queries/alerts";
import { digest, seedAccount, seedFunction, testConfig } from "./support/fleet";

const config = testConfig();
const json = (body: unknown) =>
  new Request("http://127.0.0.1/api", {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://127.0.0.1" },
    body: JSON.stringify(body),
  });
const groupsQuery = { state: "active" as const, page: 1, pageSize: 50 };

describe("silences and acknowledgements", () => {
  beforeAll(async () => {
    await seedAccount(db);
    await seedFunction(db, {
      name: "orders",
      state: "Failed",
      stateReasonCode: "ImageDeleted",
      image: { digest: digest(1) },
    });
    await seedFunction(db, {
      name: "billing",
      state: "Failed",
      stateReasonCode: "ImageDeleted",
      image: { digest: digest(2) },
    });
    await seedFunction(db, { name: "search", team: "data", state: "Failed", stateReasonCode: "ImageDeleted" });
    await evaluateAlerts({ now: new Date(), config });
  });

  it("groups the alerts worst first and counts what needs attention", async () => {
    const { groups, totalAlerts } = await listAlertGroups(groupsQuery);
    expect(totalAlerts).toBe(3);
    expect(groups.map((group) => [group.rule, group.team, group.count])).toEqual(
      expect.arrayContaining([
        ["failed", "payments", 1],
        ["failed", "payments", 1],
        ["failed", "data", 1],
      ]),
    );
    expect((await alertCounts()).needsAttention).toBe(3);
  });

  it("silences a group with a note and the actor; the count drops; the silence is listed", async () => {
    const [group] = (await listAlertGroups({ ...groupsQuery, team: "data" })).groups;
    const response = await silencesRoute.POST(
      json({ groupKeys: [group!.groupKey], preset: "1h", note: "restoring the image" }),
    );
    expect(response.status).toBe(201);
    const { silences } = await response.json();
    expect(silences).toEqual([{ id: expect.any(String), silenced: 1 }]);
    expect(await alertCounts()).toMatchObject({ needsAttention: 2, silenced: 1, active: 3 });

    const list = (await (await silencesRoute.GET()).json()) as SilenceList;
    expect(list.silences[0]).toMatchObject({
      status: "active",
      note: "restoring the image",
      createdBy: "anonymous (loopback)",
      silencing: 1,
      matchers: { groupKey: group!.groupKey },
    });

    // Evaluating again keeps it silenced.
    await evaluateAlerts({ now: new Date(), config });
    expect((await alertCounts()).silenced).toBe(1);

    const lifted = await liftRoute.POST(json({}), { params: Promise.resolve({ id: silences[0].id }) });
    expect(lifted.status).toBe(200);
    expect(await alertCounts()).toMatchObject({ needsAttention: 3, silenced: 0 });
    const history = (await (await silencesRoute.GET()).json()) as SilenceList;
    expect(history.silences[0]).toMatchObject({ status: "lifted", liftedBy: "anonymous (loopback)", silencing: 0 });
  });

  it("matches by function name pattern and environment, and refuses a silence without a note or matchers", async () => {
    const result = await createSilence({
      matchers: { functionPattern: "*ing", rule: "failed" },
      endsAt: new Date(Date.now() + 3_600_000),
      note: "billing and…",
      by: "sam",
    });
    expect(result).toMatchObject({ kind: "ok", matched: 1 });
    expect(
      await createSilence({ matchers: {}, endsAt: new Date(Date.now() + 3_600_000), note: "x", by: "sam" }),
    ).toEqual({
      kind: "empty",
    });
    const noNote = await silencesRoute.POST(json({ matchers: { rule: "failed" }, preset: "1w", note: " " }));
    expect(noNote.status).toBe(400);
    const outOfScope = await createSilence({
      matchers: { team: "payments" },
      endsAt: new Date(Date.now() + 3_600_000),
      note: "x",
      by: "dana",
      scope: { accounts: [], teams: ["data"] },
    });
    expect(outOfScope).toEqual({ kind: "out-of-scope" });
  });

  it("acknowledges whole groups with the actor and a note", async () => {
    const groups = (await listAlertGroups({ ...groupsQuery, team: "payments" })).groups;
    const response = await acknowledgeRoute.POST(
      json({ groupKeys: groups.map((group) => group.groupKey), note: "on it" }),
    );
    expect(await response.json()).toEqual({ acknowledged: 2 });
    const rows = await db.alert.findMany({ where: { team: "payments" } });
    for (const row of rows)
      expect(row).toMatchObject({
        state: "acknowledged",
        acknowledgedBy: "anonymous (loopback)",
        acknowledgeNote: "on it",
      });
    expect((await alertCounts()).needsAttention).toBe(1);
  });
});
