import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import { publicBaseUrlWarning, serverBaseUrl } from "./links";

describe("serverBaseUrl", () => {
  it("is this server's own HOST:PORT, a wildcard address replaced by the machine's name", () => {
    expect(serverBaseUrl({ HOST: "10.1.2.3", PORT: "8080" })).toBe("http://10.1.2.3:8080");
    expect(serverBaseUrl({})).toBe("http://127.0.0.1:3000");
    expect(serverBaseUrl({ HOST: "0.0.0.0", PORT: "3220" })).toBe(`http://${hostname()}:3220`);
    expect(serverBaseUrl({ HOST: "::1", PORT: "3000" })).toBe("http://[::1]:3000");
  });
});

describe("publicBaseUrlWarning", () => {
  it("warns only when channels are configured without a public base URL", () => {
    expect(publicBaseUrlWarning({ channels: [] })).toBeNull();
    expect(publicBaseUrlWarning({ channels: [{}], publicBaseUrl: "https://fleet.example.com" })).toBeNull();
    expect(publicBaseUrlWarning({ channels: [{}] })).toMatch(/alerts\.publicBaseUrl is not set/);
  });
});
