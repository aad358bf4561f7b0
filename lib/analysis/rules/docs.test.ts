import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { alertRulesMarkdown } from "./docs";
import { RULE_IDS } from "./registry";

describe("docs/alerts.md", () => {
  it("is the registry's current text (npm run docs:alerts rewrites it)", () => {
    const committed = readFileSync(new URL("../../../docs/alerts.md", import.meta.url), "utf8");
    expect(committed).toBe(alertRulesMarkdown());
  });

  it("has a section per rule", () => {
    const text = alertRulesMarkdown();
    for (const id of RULE_IDS) expect(text).toContain(`(\`${id}\`)`);
  });
});
