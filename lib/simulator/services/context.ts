import type { World } from "../model/world";
import type { Quota } from "../quota";

/** Who is calling, where, and against which world: resolved from the request's SigV4 scope. */
export interface CallContext {
  accountId: string;
  region: string;
  /** The caller's IAM identity (user for base credentials, assumed-role session otherwise). */
  principalArn: string;
  userId: string;
  /** True for the hub's long-term credentials, false for assumed-role sessions. */
  isHubPrincipal: boolean;
  requestId: string;
  world: World;
}

/** One operation of a service: its quota and its handler over the already-decoded input. */
export interface Operation<Input> {
  quota: Quota;
  handle(input: Input, context: CallContext): unknown;
}

/** Opaque pagination tokens: base64 of a small JSON state, rejected when tampered with. */
export function encodeToken(state: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(state)).toString("base64url");
}

export function decodeToken(token: string): Record<string, unknown> | undefined {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    return decoded && typeof decoded === "object" ? (decoded as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
