import { describe, expect, it } from "vitest";
import { configSchema } from "@/lib/config/schema";
import { catalogSource } from "./source";

const account = { id: "111122223333", name: "prod" };

describe("catalogSource", () => {
  it("stays off the network for the demo (no accounts configured)", () => {
    expect(catalogSource(configSchema.parse({}))).toBe("off");
  });

  it("uses the gallery when real accounts are configured or discovered", () => {
    expect(catalogSource(configSchema.parse({ accounts: [account] }))).toBe("gallery");
    expect(catalogSource(configSchema.parse({ organization: { discover: true } }))).toBe("gallery");
  });

  it("follows an explicit setting", () => {
    expect(catalogSource(configSchema.parse({ accounts: [account], baseImages: { source: "off" } }))).toBe("off");
    expect(catalogSource(configSchema.parse({ baseImages: { source: "gallery" } }))).toBe("gallery");
  });
});
