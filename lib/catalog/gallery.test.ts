import { describe, expect, it } from "vitest";
import { nextTagsPath } from "./gallery";

describe("nextTagsPath", () => {
  it("follows the Link header of a tag list page", () => {
    expect(
      nextTagsPath('</v2/lambda/python/tags/list?n=1000&last=3.12.2026.01.01.10>; rel="next"', "lambda/python"),
    ).toBe("tags/list?n=1000&last=3.12.2026.01.01.10");
  });

  it("stops without a next link, or one to another repository", () => {
    expect(nextTagsPath(null, "lambda/python")).toBeNull();
    expect(nextTagsPath('</v2/lambda/nodejs/tags/list?last=x>; rel="next"', "lambda/python")).toBeNull();
  });
});
