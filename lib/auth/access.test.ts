import { describe, expect, it } from "vitest";
import { accessFor } from "./access";
import type { OidcSettings } from "./settings";

const oidc: OidcSettings = {
  issuer: "https://id.example",
  clientId: "imagefleet",
  scopes: "openid profile email",
  groupsClaim: "groups",
  adminGroups: ["sre"],
  viewerGroups: ["eng"],
  restrictions: [
    { group: "payments", accounts: ["111111111111"], teams: ["payments"] },
    { group: "search", teams: ["search", "payments"] },
  ],
};

describe("accessFor", () => {
  it("makes admins of admin groups and viewers of viewer groups", () => {
    expect(accessFor({ sub: "a", groups: ["eng", "sre"] }, oidc)?.role).toBe("admin");
    expect(accessFor({ sub: "v", name: "Vera", groups: ["eng"] }, oidc)).toEqual({
      sub: "v",
      name: "Vera",
      email: undefined,
      role: "viewer",
    });
    expect(accessFor({ sub: "o", groups: ["marketing"] }, oidc)).toBeNull();
    expect(accessFor({ sub: "o" }, oidc)).toBeNull();
  });

  it("lets everyone view when no viewer groups are configured, and reads a custom claim holding one group", () => {
    const open = { ...oidc, viewerGroups: undefined, groupsClaim: "roles" };
    expect(accessFor({ sub: "x" }, open)?.role).toBe("viewer");
    expect(accessFor({ sub: "x", roles: "sre" }, open)?.role).toBe("admin");
  });

  it("restricts members of restricted groups to the union of their accounts and teams", () => {
    expect(accessFor({ sub: "p", groups: ["eng", "payments", "search"] }, oidc)).toMatchObject({
      accounts: ["111111111111"],
      teams: ["payments", "search"],
    });
    expect(accessFor({ sub: "s", groups: ["eng", "search"] }, oidc)).toMatchObject({
      accounts: [],
      teams: ["payments", "search"],
    });
  });

  it("names the user by name, then username, then email, then subject", () => {
    const name = (claims: Record<string, unknown>) =>
      accessFor({ sub: "id-1", groups: ["eng"], ...claims }, oidc)?.name;
    expect(name({ preferred_username: "vv", email: "v@x" })).toBe("vv");
    expect(name({ email: "v@x" })).toBe("v@x");
    expect(name({})).toBe("id-1");
  });
});
