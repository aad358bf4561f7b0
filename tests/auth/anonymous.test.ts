// Sign-in off (no auth section): the local demo may do everything, an exposed server only look.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { accountScope } from "@/lib/auth/scope";
import { requireRole, requireSession } from "@/lib/auth/session";

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
