// The configuration schema's rules beyond field types: typos anywhere are errors naming the path,
// values that would break a timer or a link are refused, and cross-field mistakes are caught.
import { describe, expect, it } from "vitest";
import { configSchema } from "./schema";

/** "path: message" of every issue, as the loader prints them. */
function problems(input: unknown): string[] {
  const parsed = configSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

const oidc = { issuer: "https://id.example", clientId: "imagefleet", adminGroups: ["sre"] };
const webhook = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  type: "webhook",
  url: "https://hooks.example/x",
  ...extra,
});

describe("configSchema", () => {
  it("accepts the defaults and a full, valid file", () => {
    expect(problems({})).toEqual([]);
    expect(
      problems({
        accounts: [{ id: "222222222222", name: "w", roleArn: "arn:aws:iam::222222222222:role/R" }],
        collector: { intervalSeconds: 86_400, quotas: { getFunction: 50 } },
        alerts: { channels: [webhook("a", { rules: ["inactive", "failed"] }), webhook("b")] },
        server: { trustedProxies: ["10.0.0.0/8", "192.0.2.1", "fd00::/8"] },
        auth: { oidc, sessionSecret: "x".repeat(32) },
      }),
    ).toEqual([]);
  });

  it("refuses unknown keys in every nested section, naming the path", () => {
    for (const [input, path] of [
      [{ collector: { intervalSecond: 60 } }, "collector"],
      [{ collector: { quotas: { getFunctions: 10 } } }, "collector.quotas"],
      [{ accounts: [{ id: "222222222222", name: "w", rolearn: "x" }] }, "accounts.0"],
      [{ organization: { discovery: true } }, "organization"],
      [{ idle: { thresholdDay: 14 } }, "idle"],
      [{ alerts: { publicBaseURL: "https://x.example" } }, "alerts"],
      [{ alerts: { channels: [webhook("a", { minseverity: "info" })] } }, "alerts.channels.0"],
      [{ baseImages: { sources: "off" } }, "baseImages"],
      [{ reports: { timezone: "UTC" } }, "reports"],
      [{ retention: { hourlyDay: 30 } }, "retention"],
      [{ server: { trustedProxy: [] } }, "server"],
    ] as const) {
      expect(problems(input).join("\n")).toMatch(new RegExp(`^${path.replace(".", "\\.")}: Unrecognized key`, "m"));
    }
  });

  it("allows only http(s) channel URLs", () => {
    for (const url of ["file:///etc/passwd", "ftp://x.example/", "javascript:alert(1)", "gopher://x.example"]) {
      expect(problems({ alerts: { channels: [webhook("a", { url })] } })).toEqual([
        "alerts.channels.0.url: must be an http or https URL",
      ]);
    }
  });

  it("refuses duplicate channel names and unknown rule ids", () => {
    expect(problems({ alerts: { channels: [webhook("ops"), webhook("dev"), webhook("ops")] } })).toEqual([
      'alerts.channels.2.name: duplicate channel name "ops"',
    ]);
    expect(problems({ alerts: { channels: [webhook("ops", { rules: ["inactive", "idle"] })] } })).toEqual([
      expect.stringMatching(/^alerts\.channels\.0\.rules\.1: /),
    ]);
  });

  it("refuses a role ARN in another account than the account it is for", () => {
    expect(
      problems({ accounts: [{ id: "222222222222", name: "w", roleArn: "arn:aws:iam::333333333333:role/R" }] }),
    ).toEqual(["accounts.0.roleArn: must be a role in account 222222222222 (it names account 333333333333)"]);
  });

  it("keeps timers valid: bounded intervals", () => {
    expect(problems({ collector: { intervalSeconds: 86_401 } })).toEqual([
      expect.stringMatching(/^collector\.intervalSeconds: /),
    ]);
    expect(problems({ collector: { metricsIntervalMinutes: 10 ** 9 } })).toEqual([
      expect.stringMatching(/^collector\.metricsIntervalMinutes: /),
    ]);
    expect(problems({ baseImages: { refreshHours: 10 ** 6 } })).toEqual([
      expect.stringMatching(/^baseImages\.refreshHours: /),
    ]);
    expect(problems({ collector: { quotas: { logs: Number.MAX_VALUE } } })).toHaveLength(1);
  });

  it("refuses a session secret with fewer than 32 non-space characters", () => {
    expect(problems({ auth: { oidc, sessionSecret: `${" ".repeat(40)}abc` } })).toEqual([
      "auth.sessionSecret: must have at least 32 characters other than spaces",
    ]);
  });

  it("refuses trusted proxies that are not addresses or CIDR ranges", () => {
    expect(problems({ server: { trustedProxies: ["proxy.internal"] } })).toEqual([
      "server.trustedProxies.0: must be an IP address or a CIDR range like 10.0.0.0/8",
    ]);
  });
});
