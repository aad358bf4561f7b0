import { describe, expect, it } from "vitest";
import { deltaTone, formatDelta, formatMetricValue } from "./format";

describe("report metric formats", () => {
  it("formats values by unit", () => {
    expect(formatMetricValue("count", 12345)).toBe("12,345");
    expect(formatMetricValue("ratio", 0.1234)).toBe("12.3 %");
    expect(formatMetricValue("ms", 812.4)).toBe("812 ms");
    expect(formatMetricValue("ms", 5_400_000)).toBe("1.5 h");
    expect(formatMetricValue("hours", 167.6)).toBe("168 h");
    expect(formatMetricValue("count", null)).toBe("—");
  });

  it("signs deltas, in percentage points for ratios", () => {
    expect(formatDelta({ unit: "count", delta: 3 })).toBe("+3");
    expect(formatDelta({ unit: "count", delta: -1200 })).toBe("−1,200");
    expect(formatDelta({ unit: "ratio", delta: -0.012 })).toBe("−1.2 pt");
    expect(formatDelta({ unit: "ms", delta: 0 })).toBe("±0");
    expect(formatDelta({ unit: "count", delta: null })).toBeNull();
  });

  it("says whether a change is good news", () => {
    expect(deltaTone({ better: "down", delta: -2 })).toBe("good");
    expect(deltaTone({ better: "down", delta: 2 })).toBe("bad");
    expect(deltaTone({ better: null, delta: 2 })).toBe("neutral");
    expect(deltaTone({ better: "up", delta: null })).toBe("neutral");
  });
});
