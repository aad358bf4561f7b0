import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseQuery } from "./errors";

describe("parseQuery", () => {
  const none = z.strictObject({});
  const one = z.strictObject({ state: z.string().optional() });

  it("refuses unknown parameters, those named after Object's own properties included", () => {
    for (const name of ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "colour"]) {
      const parsed = () => parseQuery(none, new URLSearchParams([[name, "x"]]));
      expect(parsed, name).toThrow(z.ZodError);
      expect(parsed, name).toThrow(name);
    }
    expect(() => parseQuery(one, new URLSearchParams("state=Active&__proto__=x"))).toThrow("__proto__");
  });

  it("keeps repeated parameters as a list and single ones as a string", () => {
    const many = z.strictObject({ state: z.union([z.string(), z.array(z.string())]) });
    expect(parseQuery(many, new URLSearchParams("state=a&state=b"))).toEqual({ state: ["a", "b"] });
    expect(parseQuery(one, new URLSearchParams("state=a"))).toEqual({ state: "a" });
  });
});
