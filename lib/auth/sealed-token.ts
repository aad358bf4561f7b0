// Encrypted, expiring tokens for our own cookies (jose JWE, dir + A256GCM): the browser can
// neither read nor alter them. Each purpose gets its own key derived from the session secret,
// so a token sealed for one cookie is rejected by the other.
import { hkdfSync } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { z } from "zod";

export type TokenPurpose = "session" | "login" | "provider-tokens";

function key(secret: string, purpose: TokenPurpose): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", secret, "imagefleet", `imagefleet ${purpose} cookie`, 32));
}

export async function sealToken(
  payload: Record<string, unknown>,
  options: { secret: string; purpose: TokenPurpose; expiresAt: Date },
): Promise<string> {
  return new EncryptJWT(payload)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setExpirationTime(options.expiresAt)
    .encrypt(key(options.secret, options.purpose));
}

/** The payload when the token is intact, unexpired and of the expected shape; otherwise null. */
export async function openToken<S extends z.ZodType>(
  token: string,
  schema: S,
  options: { secret: string; purpose: TokenPurpose },
): Promise<z.infer<S> | null> {
  try {
    const { payload } = await jwtDecrypt(token, key(options.secret, options.purpose), {
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
    });
    const parsed = schema.safeParse(payload);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
