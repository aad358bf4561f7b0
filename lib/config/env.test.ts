import { describe, expect, it } from "vitest";
import { readEnv } from "./env";
import { ConfigError } from "./errors";

describe("environment variables", () => {
  it("applies the documented defaults to an empty environment", () => {
    expect(readEnv({})).toMatchObject({
      HOST: "127.0.0.1",
      PORT: 3000,
      COLLECTOR: "on",
      IMAGEFLEET_DEMO_FUNCTIONS: 500,
      IMAGEFLEET_DEMO_SPEED: 1,
      API_RATE_LIMIT_PER_MINUTE: 1200,
    });
  });

  it("reads blank values as unset", () => {
    expect(readEnv({ PORT: " ", DATABASE_URL: "", IMAGEFLEET_DEMO: "" })).toMatchObject({
      PORT: 3000,
      DATABASE_URL: undefined,
      IMAGEFLEET_DEMO: undefined,
    });
  });

  it("names every wrong variable, as the configuration file names its fields", () => {
    const read = () => readEnv({ PORT: "http", COLLECTOR: "no", IMAGEFLEET_DEMO_SPEED: "-2", LOG_LEVEL: "loud" });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(/PORT: must be a port number/);
    expect(read).toThrow(/COLLECTOR: must be on or off/);
    expect(read).toThrow(/IMAGEFLEET_DEMO_SPEED: must be a positive number/);
    expect(read).toThrow(/LOG_LEVEL: must be a pino level/);
  });

  it("takes the SMTP user and password together or not at all", () => {
    expect(readEnv({ IMAGEFLEET_SMTP_USER: "mailer", IMAGEFLEET_SMTP_PASSWORD: "pw" })).toMatchObject({
      IMAGEFLEET_SMTP_USER: "mailer",
      IMAGEFLEET_SMTP_PASSWORD: "pw",
    });
    expect(() => readEnv({ IMAGEFLEET_SMTP_USER: "mailer" })).toThrow(
      /IMAGEFLEET_SMTP_PASSWORD: set together with IMAGEFLEET_SMTP_USER, or neither/,
    );
  });
});
