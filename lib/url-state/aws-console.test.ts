import { describe, expect, it } from "vitest";
import { lambdaConsoleUrl, logsInsightsUrl } from "./aws-console";

describe("AWS console links", () => {
  it("opens the function in the Lambda console of its region", () => {
    expect(lambdaConsoleUrl("us-east-1", "invoice-renderer")).toBe(
      "https://us-east-1.console.aws.amazon.com/lambda/home?region=us-east-1#/functions/invoice-renderer",
    );
  });

  it("prefills Logs Insights with the log group, the window and the cold-start query", () => {
    const url = logsInsightsUrl({
      region: "eu-west-1",
      logGroup: "/aws/lambda/invoice-renderer",
      from: new Date("2026-12-01T00:00:00Z"),
      to: new Date("2026-12-02T00:00:00Z"),
    });
    expect(url).toMatch(
      /^https:\/\/eu-west-1\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=eu-west-1#logsV2:logs-insights\$3FqueryDetail\$3D/,
    );
    expect(url).toContain("*2Faws*2Flambda*2Finvoice-renderer");
    expect(url).toContain("2026-12-01T00*3A00*3A00.000Z");
    expect(url).toContain("initDuration");
  });
});
