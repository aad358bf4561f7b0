import { describe, expect, it } from "vitest";
import { isoDateTimeField, searchField, teamField } from "./fields";

describe("free-text fields", () => {
  it("take any printable text, trimmed", () => {
    expect(teamField.parse(" payments ")).toBe("payments");
    expect(searchField.parse("%_\\ ' OR 1=1 -- <script> שלום 😀")).toBe("%_\\ ' OR 1=1 -- <script> שלום 😀");
  });

  it("refuse control characters: PostgreSQL cannot store NUL", () => {
    for (const value of ["\u0000", "a\u0000b", "a\u0007b", "a\nb", "\u001b[31m"]) {
      expect(teamField.safeParse(value).success, JSON.stringify(value)).toBe(false);
      expect(searchField.safeParse(value).success, JSON.stringify(value)).toBe(false);
    }
  });
});

describe("isoDateTimeField", () => {
  it("takes date-times with an offset in the years both databases hold", () => {
    for (const value of ["1970-01-01T00:00:00Z", "2026-12-01T08:00:00+01:00", "9999-12-31T23:59:59Z"]) {
      expect(isoDateTimeField.safeParse(value).success, value).toBe(true);
    }
  });

  it("refuses year 0 (PostgreSQL has none), instants past 9999 and non-dates, with one message each", () => {
    for (const value of ["0000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "9999-12-31T23:59:59-12:00"]) {
      const result = isoDateTimeField.safeParse(value);
      expect(
        result.error?.issues.map((issue) => issue.message),
        value,
      ).toEqual(["must be in the years 1970 to 9999"]);
    }
    for (const value of ["yesterday", "2026-02-30T00:00:00Z", "2026-01-01T00:00:00"]) {
      const result = isoDateTimeField.safeParse(value);
      expect(
        result.error?.issues.map((issue) => issue.message),
        value,
      ).toEqual(["must be an ISO 8601 date-time"]);
    }
  });
});
