import { describe, expect, it } from "vitest";
import { configSchema } from "@/lib/config/schema";
import { listenHost, startupRefusal } from "./exposure";

const withoutAuth = configSchema.parse({});
const withAuth = configSchema.parse({
  auth: {
    oidc: { issuer: "https://id.example", clientId: "imagefleet", adminGroups: ["sre"] },
    sessionSecret: "s".repeat(32),
  },
});

describe("listenHost", () => {
  it("reads -H / --hostname, then HOST, then the npm start default", () => {
    expect(listenHost(["node", "next", "start", "-H", "0.0.0.0"], { HOST: "127.0.0.1" })).toBe("0.0.0.0");
    expect(listenHost(["node", "next", "start", "--hostname=::"], {})).toBe("::");
    expect(listenHost(["node", "worker.js"], { HOST: "10.0.0.5", HOSTNAME: "vm" })).toBe("10.0.0.5");
    expect(listenHost(["node", "worker.js"], { HOSTNAME: "vm" })).toBe("127.0.0.1");
  });
});

describe("startupRefusal", () => {
  it("serves loopback without sign-in, and any address with it", () => {
    for (const host of ["127.0.0.1", "localhost", "::1"]) expect(startupRefusal(withoutAuth, host, {})).toBeNull();
    expect(startupRefusal(withAuth, "0.0.0.0", {})).toBeNull();
  });

  it("refuses other addresses without sign-in unless anonymous access is allowed explicitly", () => {
    expect(startupRefusal(withoutAuth, "0.0.0.0", {})).toMatch(
      /refusing to serve 0\.0\.0\.0 without sign-in.*IMAGEFLEET_ALLOW_ANONYMOUS=1/,
    );
    expect(startupRefusal(withoutAuth, "10.1.2.3", { IMAGEFLEET_ALLOW_ANONYMOUS: "1" })).toBeNull();
  });
});
