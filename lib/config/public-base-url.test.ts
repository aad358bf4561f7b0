import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import { publicBase, publicBaseUrlWarning, serverBaseUrl } from "./public-base-url";

describe("serverBaseUrl", () => {
  it("is this server's own HOST:PORT, a wildcard address replaced by the machine's name", () => {
    expect(serverBaseUrl({ HOST: "10.1.2.3", PORT: 8080 })).toBe("http://10.1.2.3:8080");
    expect(serverBaseUrl({ HOST: "0.0.0.0", PORT: 3220 })).toBe(`http://${hostname()}:3220`);
    expect(serverBaseUrl({ HOST: "::1", PORT: 3000 })).toBe("http://[::1]:3000");
  });

  it("gives way to a configured public base URL", () => {
    expect(publicBase("https://fleet.example.com/", { HOST: "127.0.0.1", PORT: 3000 })).toBe(
      "https://fleet.example.com",
    );
    expect(publicBase(undefined, { HOST: "127.0.0.1", PORT: 3100 })).toBe("http://127.0.0.1:3100");
  });
});

describe("publicBaseUrlWarning", () => {
  it("warns only when channels are configured without a public base URL", () => {
    expect(publicBaseUrlWarning({ channels: [] })).toBeNull();
    expect(publicBaseUrlWarning({ channels: [{}], publicBaseUrl: "https://fleet.example.com" })).toBeNull();
    expect(publicBaseUrlWarning({ channels: [{}] }, { HOST: "127.0.0.1", PORT: 3000 })).toMatch(
      /alerts\.publicBaseUrl is not set: links in notifications point at http:\/\/127\.0\.0\.1:3000/,
    );
  });
});
