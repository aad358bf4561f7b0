import { describe, expect, it } from "vitest";
import {
  aggregatesFromEvents,
  aggregatesFromInsights,
  initDurationOf,
  isAggregated,
  parseInsightsTime,
} from "./init-durations";

describe("initDurationOf", () => {
  it("reads text REPORT lines and JSON platform.report records, and nothing else", () => {
    expect(initDurationOf("REPORT RequestId: 1\tDuration: 3.1 ms\tInit Duration: 250.5 ms")).toBe(250.5);
    expect(
      initDurationOf(JSON.stringify({ type: "platform.report", record: { metrics: { initDurationMs: 99 } } })),
    ).toBe(99);
    expect(initDurationOf("REPORT RequestId: 2\tDuration: 3.1 ms")).toBeNull();
    expect(
      initDurationOf(JSON.stringify({ type: "platform.start", record: { metrics: { initDurationMs: 99 } } })),
    ).toBeNull();
    expect(initDurationOf("{ not json")).toBeNull();
  });
});

describe("aggregates", () => {
  it("bins events per hour with count, average, p95 and max", () => {
    const at = (iso: string, ms: number) => ({ timestamp: new Date(iso), message: `REPORT Init Duration: ${ms} ms` });
    const result = aggregatesFromEvents([
      at("2026-10-05T10:05:00Z", 100),
      at("2026-10-05T10:55:00Z", 300),
      at("2026-10-05T11:00:00Z", 50),
    ]);
    expect(result).toEqual(
      new Map([
        [Date.parse("2026-10-05T10:00:00Z"), { count: 2, avg: 200, p95: 300, max: 300 }],
        [Date.parse("2026-10-05T11:00:00Z"), { count: 1, avg: 50, p95: 50, max: 50 }],
      ]),
    );
  });

  it("maps Insights rows to log groups, with or without the account prefix of @log", () => {
    const rows = [
      {
        "bin(1h)": "2026-10-05 10:00:00.000",
        "@log": "123456789012:/aws/lambda/a",
        coldStarts: "2",
        initAvg: "200",
        initP95: "300",
        initMax: "300",
      },
      {
        "bin(1h)": "2026-10-05 11:00:00.000",
        "@log": "/aws/lambda/b",
        coldStarts: "1",
        initAvg: "50",
        initP95: "",
        initMax: "50",
      },
    ];
    expect(isAggregated(rows)).toBe(true);
    const result = aggregatesFromInsights(rows);
    expect(result.get("/aws/lambda/a")?.get(Date.parse("2026-10-05T10:00:00Z"))).toEqual({
      count: 2,
      avg: 200,
      p95: 300,
      max: 300,
    });
    expect(result.get("/aws/lambda/b")?.get(Date.parse("2026-10-05T11:00:00Z"))).toEqual({
      count: 1,
      avg: 50,
      p95: null,
      max: 50,
    });
  });

  it("recognises an endpoint that ignored the stats stage", () => {
    expect(isAggregated([{ "@timestamp": "1", "@log": "/aws/lambda/a" }])).toBe(false);
    expect(parseInsightsTime("2026-10-05T10:00:00.000Z")).toEqual(new Date("2026-10-05T10:00:00Z"));
  });
});
