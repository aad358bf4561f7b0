import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "./errors";
import { loadConfig } from "./load";

function withFile(content: string) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cfg-")), "imagefleet.config.json");
  fs.writeFileSync(file, content);
  return { IMAGEFLEET_CONFIG: file };
}

describe("loadConfig", () => {
  it("accepts the documented shape and fills defaults", () => {
    const { config } = loadConfig(
      withFile(
        JSON.stringify({
          regions: ["us-east-1", "eu-west-1"],
          accounts: [
            { id: "123456789012", name: "management" },
            {
              id: "222222222222",
              name: "workload",
              roleArn: "arn:aws:iam::222222222222:role/ImageFleetReader",
              externalId: "optional",
            },
          ],
          organization: { discover: false, roleName: "ImageFleetReader" },
        }),
      ),
    );
    expect(config.accounts).toHaveLength(2);
    expect(config.idle.thresholdDays).toBe(14);
    expect(config.collector.quotas.getFunction).toBe(100);
    expect(config.reports.timeZone).toBe("UTC");
  });

  it("names the file and the field of a bad value", () => {
    const env = withFile(JSON.stringify({ accounts: [{ id: "12", name: "x" }] }));
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(/imagefleet\.config\.json[\s\S]*accounts\.0\.id: must be a 12-digit/);
  });

  it("rejects unknown keys, bad JSON and inconsistent idle thresholds", () => {
    expect(() => loadConfig(withFile(JSON.stringify({ regoins: ["us-east-1"] })))).toThrow(/regoins/);
    expect(() => loadConfig(withFile("{ nope"))).toThrow(/not valid JSON/);
    expect(() => loadConfig(withFile(JSON.stringify({ idle: { warnDays: 20 } })))).toThrow(
      /idle: must satisfy warnDays/,
    );
  });

  it("uses defaults without a file, but refuses a missing explicit file", () => {
    expect(loadConfig({ IMAGEFLEET_CONFIG: "" }).file).toBeNull();
    expect(() => loadConfig({ IMAGEFLEET_CONFIG: "/nonexistent/x.json" })).toThrow(/does not exist/);
  });
});
