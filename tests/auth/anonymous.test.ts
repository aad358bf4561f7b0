// Sign-in off (no auth section): the local demo may do everything, an exposed server only look.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as acknowledge } from "@/app/api/alerts/[id]/acknowledge/route";
import { evaluateAlerts } from "@/lib/alerts/evaluate";
import { ApiError } from "@/lib/api/errors";
import { startupRefusal } from "@/lib/auth/exposure";
import { accountScope } from "@/lib/auth/scope";
import { requireRole, requireSession } from "@/lib/auth/session";
import { configSchema } from "@/lib/config/schema";
import { db } from "@/lib/db/client";
import { getAlert } from "@/lib/db/queries/alerts";
import { listenAddresses } from "@/lib/server/listeners";
import { seedFleet } from "../dashboard/support/seed";

describe("without sign-in", () => {
  beforeAll(() => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "imagefleet-anonymous-")), "imagefleet.config.json");
    fs.writeFileSync(file, "{}");
    process.env.IMAGEFLEET_CONFIG = file;
  });
  afterEach(() => {
    delete process.env.HOST;
  });

  it("acts as an anonymous admin on loopback, seeing everything", async () => {
    process.env.HOST = "127.0.0.1";
    const session = await requireRole("admin");
    expect(session).toMatchObject({ sub: "anonymous", role: "admin" });
    expect(accountScope(session)).toBeNull();
  });

  it("refuses changes on an exposed address (IMAGEFLEET_ALLOW_ANONYMOUS=1), but lets people look", async () => {
    process.env.HOST = "0.0.0.0";
    expect((await requireSession()).role).toBe("viewer");
    await expect(requireRole("admin")).rejects.toBeInstanceOf(ApiError);
    await expect(requireRole("admin")).rejects.toMatchObject({ code: "forbidden" });
  });

  it("judges exposure by the address the server really listens on, not by HOST", async () => {
    // `next start -p N` without -H: every interface, while HOST still says loopback.
    process.env.HOST = "127.0.0.1";
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve));
    try {
      expect(listenAddresses()).toContain("0.0.0.0");
      expect(startupRefusal(configSchema.parse({}), listenAddresses(), {})).toMatch(/refusing to serve 0\.0\.0\.0/);
      expect((await requireSession()).role).toBe("viewer");
      await expect(requireRole("admin")).rejects.toMatchObject({ code: "forbidden" });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect((await requireSession()).role).toBe("admin");
  });

  it("records an acknowledgement as anonymous (loopback), never a name from the request", async () => {
    process.env.HOST = "127.0.0.1";
    const now = new Date();
    await seedFleet(db, now);
    await evaluateAlerts({ now, config: configSchema.parse({}) });
    const { id } = (await db.alert.findFirst({ where: { state: "open" } }))!;
    const post = (body: unknown) =>
      acknowledge(
        new Request(`http://127.0.0.1/api/alerts/${id}/acknowledge`, {
          method: "POST",
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({ id }) },
      );

    expect((await post({ by: "Ada Admin" })).status).toBe(400);
    expect((await post({})).status).toBe(200);
    expect((await getAlert(id))!.timeline.at(-1)).toMatchObject({ kind: "acknowledged", by: "anonymous (loopback)" });
  });
});

describe("accountScope", () => {
  it("turns a restricted session into the accounts and teams a query may return", () => {
    const base = { sub: "s", name: "S", role: "viewer" as const, exp: 0 };
    expect(accountScope({ ...base, accounts: ["111111111111"], teams: [] })).toEqual({
      accounts: ["111111111111"],
      teams: [],
    });
  });
});
