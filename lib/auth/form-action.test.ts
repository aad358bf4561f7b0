import { expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/security/csp";
import { allowFormTarget } from "./form-action";

it("adds the provider to form-action and changes nothing else", () => {
  const csp = contentSecurityPolicy("n0nce", false);
  const extended = allowFormTarget(csp, "https://id.example");
  expect(extended).toContain("form-action 'self' https://id.example;");
  expect(extended.replace(" https://id.example", "")).toBe(csp);
});
