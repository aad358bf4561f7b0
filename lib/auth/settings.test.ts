import { describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/config/errors";
import { configSchema } from "@/lib/config/schema";
import { resolveAuthSettings } from "./settings";

const oidc = { issuer: "https://id.example", clientId: "imagefleet", adminGroups: ["sre"] };
const secret = "s".repeat(32);

describe("the auth configuration", () => {
  it("fills defaults and takes secrets from the environment when the file leaves them out", () => {
    const settings = resolveAuthSettings(configSchema.parse({ auth: { oidc } }), {
      IMAGEFLEET_SESSION_SECRET: secret,
      IMAGEFLEET_OIDC_CLIENT_SECRET: "from-env",
    });
    expect(settings).toMatchObject({
      sessionSecret: secret,
      sessionHours: 12,
      oidc: { clientSecret: "from-env", scopes: "openid profile email", groupsClaim: "groups", restrictions: [] },
    });
    expect(resolveAuthSettings(configSchema.parse({}), {})).toBeNull();
  });

  it("names the missing or weak session secret", () => {
    const config = configSchema.parse({ auth: { oidc } });
    expect(() => resolveAuthSettings(config, {})).toThrow(ConfigError);
    expect(() => resolveAuthSettings(config, {})).toThrow(/auth\.sessionSecret is required/);
    expect(() => resolveAuthSettings(config, { IMAGEFLEET_SESSION_SECRET: "short" })).toThrow(
      /IMAGEFLEET_SESSION_SECRET must be at least 32 characters/,
    );
  });

  it("rejects plain-http issuers off loopback, unknown fields and restrictions without a target", () => {
    const issues = (auth: unknown) =>
      configSchema.safeParse({ auth }).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
    expect(issues({ oidc: { ...oidc, issuer: "http://id.example" } })).toEqual([
      "auth.oidc.issuer: must be an https URL (http only on loopback)",
    ]);
    expect(issues({ oidc: { ...oidc, issuer: "http://127.0.0.1:9000" } })).toEqual([]);
    expect(issues({ oidc: { ...oidc, adminGroup: ["x"] } })[0]).toMatch(/adminGroup/);
    expect(issues({ oidc: { ...oidc, restrictions: [{ group: "g" }] } })).toEqual([
      "auth.oidc.restrictions.0: must list accounts or teams",
    ]);
    expect(issues({ oidc, sessionSecret: "short" })).toEqual(["auth.sessionSecret: must be at least 32 characters"]);
  });
});
