import { describe, expect, it } from "vitest";
import { configSchema } from "./schema";

const parse = (reports: unknown) => configSchema.safeParse({ reports });

describe("reports.email and reports.recipients", () => {
  it("defaults to no e-mail and no recipients", () => {
    const { reports } = configSchema.parse({});
    expect(reports.email).toBeUndefined();
    expect(reports.recipients).toEqual([]);
  });

  it("fills the port and requires STARTTLS by default", () => {
    const result = parse({ email: { host: "smtp.example.com", from: "ImageFleet <r@example.com>" } });
    expect(result.success && result.data.reports.email).toEqual({
      host: "smtp.example.com",
      port: 587,
      tls: "starttls",
      from: "ImageFleet <r@example.com>",
    });
  });

  it("allows plain text only to a server on this machine", () => {
    expect(parse({ email: { host: "127.0.0.1", port: 25, tls: "none", from: "r@example.com" } }).success).toBe(true);
    const remote = parse({ email: { host: "smtp.example.com", tls: "none", from: "r@example.com" } });
    expect(remote.success).toBe(false);
    expect(remote.error?.issues[0]).toMatchObject({ path: ["reports", "email", "tls"] });
  });

  it("rejects a password in the file and recipients that are not addresses", () => {
    expect(parse({ email: { host: "smtp.example.com", from: "r@example.com", password: "x" } }).success).toBe(false);
    const bad = parse({ recipients: [{ team: "media", to: ["not an address"] }] });
    expect(bad.error?.issues[0]).toMatchObject({ path: ["reports", "recipients", 0, "to", 0] });
    expect(parse({ recipients: [{ team: "media", to: [] }] }).success).toBe(false);
  });
});
