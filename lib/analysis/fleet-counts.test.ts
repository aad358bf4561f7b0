import { describe, expect, it } from "vitest";
import { countFleet } from "./fleet-counts";

describe("countFleet", () => {
  it("counts by account, region, package type and state, sorted, with unread states as Unknown", () => {
    const fleet = [
      { accountId: "222", region: "us-east-1", packageType: "Zip", state: "Active" },
      { accountId: "111", region: "eu-west-1", packageType: "Image", state: "Inactive" },
      { accountId: "111", region: "eu-west-1", packageType: "Image", state: "Active" },
      { accountId: "111", region: "eu-west-1", packageType: "Image", state: "Active" },
      { accountId: "111", region: "eu-west-1", packageType: "Image", state: null },
      { accountId: "111", region: "ap-south-1", packageType: "Image", state: "Active" },
    ];
    expect(countFleet(fleet)).toEqual([
      { accountId: "111", region: "ap-south-1", packageType: "Image", state: "Active", count: 1 },
      { accountId: "111", region: "eu-west-1", packageType: "Image", state: "Active", count: 2 },
      { accountId: "111", region: "eu-west-1", packageType: "Image", state: "Inactive", count: 1 },
      { accountId: "111", region: "eu-west-1", packageType: "Image", state: "Unknown", count: 1 },
      { accountId: "222", region: "us-east-1", packageType: "Zip", state: "Active", count: 1 },
    ]);
  });

  it("keeps open enum values as they are and returns nothing for an empty fleet", () => {
    expect(countFleet([{ accountId: "1", region: "r", packageType: "Image", state: "Deactivating" }])).toEqual([
      { accountId: "1", region: "r", packageType: "Image", state: "Deactivating", count: 1 },
    ]);
    expect(countFleet([])).toEqual([]);
  });
});
