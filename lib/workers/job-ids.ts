import crypto from "node:crypto";

/**
 * The same parts always give the same job id, so a planner that is retried after dying part-way
 * re-inserts the jobs it already created and pg-boss keeps the first of each.
 */
export function deterministicJobId(...parts: string[]): string {
  const hex = crypto.createHash("sha256").update(parts.join("\u0000")).digest("hex");
  // Shaped as an RFC 4122 version-5-style UUID: pg-boss ids are PostgreSQL uuids.
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
