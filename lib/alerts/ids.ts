import { randomBytes } from "node:crypto";

/** 72 random bits, base64url: short enough for a chat message, too many to guess or enumerate. */
export function newAlertId(): string {
  return randomBytes(9).toString("base64url");
}
