export type Severity = "info" | "warning" | "critical";

/** One level down; info stays info. */
export function lowerSeverity(severity: Severity): Severity {
  return severity === "critical" ? "warning" : "info";
}
