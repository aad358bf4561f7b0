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
      // Dot segments that normalise into a protocol-relative path.
      "/.//evil.example/phish",
      "/auth/../..//evil.example",
      "/a/../..//evil.example/x?y#z",
      "/./\\evil.example",
      // Backslashes, raw or encoded, and encoded slashes and dots browsers may decode.
      "/%5Cevil.example",
      "/%2F%2Fevil.example",
      "/.%2F%2Fevil.example",
      "/%2e/%2fevil.example",
      "/%2e%2e//evil.example",
      // Control characters, raw and in the middle.
      "/\u0000//evil.example",
      "/x\ny",
      "/\u007f",
    ]) {
      expect(safeReturnTo(hostile)).toBe("/");
    }
  });
});
