// Writes docs/alerts.md from the rule registry (checked by lib/analysis/rules/docs.test.ts).
import { writeFileSync } from "node:fs";
import { alertRulesMarkdown } from "@/lib/analysis/rules/docs";

writeFileSync(new URL("../docs/alerts.md", import.meta.url), alertRulesMarkdown());
