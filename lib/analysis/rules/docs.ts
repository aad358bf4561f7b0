import { RULE_REGISTRY } from "./registry";

const IMPACT = { outage: "outage: invocations fail now or soon", hygiene: "hygiene: works today, fix on a deadline" };

/** docs/alerts.md, written from the rule registry so the docs cannot drift from the rules. */
export function alertRulesMarkdown(): string {
  const rules = Object.entries(RULE_REGISTRY).map(([id, rule]) =>
    [
      `### ${rule.label} (\`${id}\`)`,
      "",
      rule.meaning,
      "",
      `- **Kind:** ${IMPACT[rule.impact]}.`,
      `- **Severity:** ${rule.severityPolicy}${rule.lowerOutsideProduction ? " One level lower outside production." : ""}`,
      `- **What to do:** ${rule.action}`,
      "",
    ].join("\n"),
  );
  return [
    "# Alert rules",
    "",
    "<!-- Generated from lib/analysis/rules/registry.ts by `npm run docs:alerts`; edit the registry, not this file. -->",
    "",
    "An alert is a promise to wake someone, so severity follows impact and urgency:",
    "",
    "- **critical**: broken now or within a day (invocations fail). Only these should page.",
    "- **warning**: needs a fix on a deadline; look at it during working hours.",
    "- **info**: worth knowing; no action due.",
    "",
    "Hygiene findings (deprecated runtime, base image behind, scan findings, old image, image size) are warnings or",
    "info and escalate by deadline: a deprecated runtime becomes critical only in the 14 days before AWS blocks updates.",
    "",
    "**Environment.** A function's environment comes from its first tag among `alerts.environment.tagKeys`",
    "(default `env`, `environment`, `stage`), or else from a name suffix in `alerts.environment.nameSuffixes`",
    "(default `-dev`, `-qa`, `-staging`). Outside production (values other than",
    "`alerts.environment.productionValues`, default `prod`, `production`, `prd`, `live`) every rule raises one",
    "level lower (critical → warning → info); `alerts.environment.lowerOutsideProduction: false` turns that off.",
    "An unknown environment counts as production.",
    "",
    "## Groups, silences and notifications",
    "",
    "- **Groups.** Alerts group by `alerts.groupBy` (default: rule, team and subject — the base image release,",
    "  else the image repository, else the account and region). `/alerts` lists groups worst first, then newest.",
    "- **Silences** are rules: matchers (rule, team, account, region, environment, function name glob, group),",
    "  an end (1 h, tomorrow 09:00, 1 week or a time), a note and the actor. `/alerts/silences` keeps the history.",
    '  Acknowledging records the actor and a note. "Needs attention" counts open alerts that are not silenced.',
    "- **Notifications.** A channel's first evaluation sends one baseline digest (\"ImageFleet is watching 500",
    '  functions: …"). After that, one message per group that is new, escalated, acknowledged (PagerDuty and',
    "  Slack) or resolved; a critical group still open is repeated every `alerts.repeatIntervalHours` (24).",
    "  Webhooks get the Alertmanager webhook v4 shape, PagerDuty Events API v2 (one `dedup_key` per group),",
    "  Slack Block Kit with a `text` fallback; every message links the alert permalinks and function pages.",
    "",
    "## Rules",
    "",
    ...rules,
  ].join("\n");
}
