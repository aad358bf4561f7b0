import { describe, expect, it } from "vitest";
import { diffInventory, type InventoryEntry } from "./inventory-diff";

const entry = (name: string, overrides: Partial<InventoryEntry> = {}): InventoryEntry => ({
  functionArn: `arn:aws:lambda:eu-west-1:111122223333:function:${name}`,
  functionName: name,
  packageType: "Image",
  codeSha256: `sha-${name}`,
  lastModified: "2026-11-01T10:00:00.000+0000",
  imageUri: `111122223333.dkr.ecr.eu-west-1.amazonaws.com/${name}:v1`,
  config: { memorySize: 512, timeout: 30 },
  ...overrides,
});

describe("diffInventory", () => {
  it("sorts functions into created, changed, unchanged and deleted", () => {
    const known = [entry("a"), entry("b"), entry("c")];
    const listed = [entry("a"), entry("b", { codeSha256: "sha-b2" }), entry("d")];
    const diff = diffInventory(known, listed);
    expect(diff.created.map((f) => f.functionName)).toEqual(["d"]);
    expect(diff.changed.map((c) => c.listed.functionName)).toEqual(["b"]);
    expect(diff.unchanged.map((f) => f.functionName)).toEqual(["a"]);
    expect(diff.deleted.map((f) => f.functionName)).toEqual(["c"]);
  });

  it("says what changed, config keys sorted, added and removed keys included", () => {
    const known = [entry("a", { config: { timeout: 30, memorySize: 512, vpc: "vpc-1" } })];
    const listed = [
      entry("a", {
        lastModified: "2026-11-02T10:00:00.000+0000",
        imageUri: "repo/a:v2",
        config: { timeout: 60, memorySize: 512, ephemeralStorage: 1024 },
      }),
    ];
    expect(diffInventory(known, listed).changed[0]?.changes).toEqual([
      { field: "lastModified", from: "2026-11-01T10:00:00.000+0000", to: "2026-11-02T10:00:00.000+0000" },
      { field: "imageUri", from: "111122223333.dkr.ecr.eu-west-1.amazonaws.com/a:v1", to: "repo/a:v2" },
      { field: "config.ephemeralStorage", from: undefined, to: 1024 },
      { field: "config.timeout", from: 30, to: 60 },
      { field: "config.vpc", from: "vpc-1", to: undefined },
    ]);
  });

  it("does not compare the image URI when the listing does not report it", () => {
    const listed = [entry("a", { imageUri: undefined })];
    expect(diffInventory([entry("a")], listed).unchanged).toHaveLength(1);
  });

  it("keys by ARN, so equal names in two regions are two functions", () => {
    const other = entry("a", { functionArn: "arn:aws:lambda:us-east-1:111122223333:function:a" });
    const diff = diffInventory([entry("a")], [other]);
    expect(diff.created).toEqual([other]);
    expect(diff.deleted).toEqual([entry("a")]);
  });

  it("handles empty sides", () => {
    expect(diffInventory([], [])).toEqual({ created: [], changed: [], unchanged: [], deleted: [] });
    expect(diffInventory([entry("a")], []).deleted).toHaveLength(1);
  });
});
