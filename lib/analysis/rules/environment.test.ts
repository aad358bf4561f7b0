import { describe, expect, it } from "vitest";
import { DEFAULT_ENVIRONMENT_CONFIG as CONFIG, functionEnvironment } from "./environment";

describe("functionEnvironment", () => {
  it("reads the first configured tag key, case-insensitively", () => {
    expect(functionEnvironment({ name: "orders-api", tags: { Stage: "QA", env: "dev" } }, CONFIG)).toEqual({
      name: "dev",
      production: false,
    });
    expect(functionEnvironment({ name: "orders-api", tags: { Environment: "Production" } }, CONFIG)).toEqual({
      name: "production",
      production: true,
    });
  });

  it("falls back to a name suffix when no tag says", () => {
    expect(functionEnvironment({ name: "orders-api-staging", tags: {} }, CONFIG)).toEqual({
      name: "staging",
      production: false,
    });
    expect(functionEnvironment({ name: "orders-api-prod", tags: { team: "x" } }, CONFIG)).toEqual({
      name: null,
      production: true,
    });
  });

  it("a tag beats the name", () => {
    expect(functionEnvironment({ name: "orders-api-dev", tags: { env: "prod" } }, CONFIG).production).toBe(true);
  });

  it("treats an unknown environment as production", () => {
    expect(functionEnvironment({ name: "dev", tags: {} }, CONFIG)).toEqual({ name: null, production: true });
  });

  it("honours configured keys and suffixes", () => {
    const config = { ...CONFIG, tagKeys: ["tier"], nameSuffixes: ["sandbox"] };
    expect(functionEnvironment({ name: "a-sandbox", tags: { env: "prod" } }, config).name).toBe("sandbox");
    expect(functionEnvironment({ name: "a", tags: { tier: "test" } }, config)).toEqual({
      name: "test",
      production: false,
    });
  });
});
