import { describe, expect, it } from "vitest";
import { safeReturnTo } from "./return-to";

describe("safeReturnTo", () => {
  it("keeps paths on this site with their query and fragment", () => {
    expect(safeReturnTo("/functions?state=Inactive#top")).toBe("/functions?state=Inactive#top");
    expect(safeReturnTo("/")).toBe("/");
    // Percent-encoded line breaks stay encoded: harmless in a Location header.
    expect(safeReturnTo("/%0d%0aSet-Cookie:x")).toBe("/%0d%0aSet-Cookie:x");
  });

  it("turns anything that could leave the site, or loop through the sign-in, into /", () => {
    for (const hostile of [
      null,
      "",
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "/\tx",
      "javascript:alert(1)",
      "evil.example",
      "/auth/logout",
    ]) {
      expect(safeReturnTo(hostile)).toBe("/");
    }
  });
});
