import { randomBytes } from "node:crypto";
import { findAccount, HUB_ACCOUNT_ID, HUB_PRINCIPAL_ARN } from "../model/accounts";

export interface Identity {
  accountId: string;
  principalArn: string;
  userId: string;
  isHubPrincipal: boolean;
}

export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

/**
 * Sessions handed out by AssumeRole. The access key id is `ASIA` + the 12-digit account + a
 * serial, so every later request is scoped by its key alone (even after a simulator restart).
 * Any other access key acts as the hub account's long-term user.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Identity>();
  private serial = 0;

  issue(
    accountId: string,
    roleName: string,
    sessionName: string,
    durationSeconds: number,
  ): { credentials: TemporaryCredentials; identity: Identity } {
    this.serial++;
    const accessKeyId = `ASIA${accountId}${this.serial.toString(36).toUpperCase().padStart(4, "0").slice(-4)}`;
    const identity: Identity = {
      accountId,
      principalArn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`,
      userId: `AROA${accountId}IMAGEFLEET:${sessionName}`,
      isHubPrincipal: false,
    };
    this.sessions.set(accessKeyId, identity);
    return {
      identity,
      credentials: {
        accessKeyId,
        secretAccessKey: randomBytes(30).toString("base64"),
        sessionToken: randomBytes(96).toString("base64"),
        // Real time: SDKs compare expirations with their own clock, not the simulated one.
        expiration: new Date(Date.now() + durationSeconds * 1000),
      },
    };
  }

  /** The identity behind an access key, or undefined when it names an unknown or closed account. */
  resolve(accessKeyId: string): Identity | undefined {
    const temporary = /^ASIA(\d{12})/.exec(accessKeyId);
    if (!temporary)
      return {
        accountId: HUB_ACCOUNT_ID,
        principalArn: HUB_PRINCIPAL_ARN,
        userId: "AIDAIMAGEFLEETHUBUSER",
        isHubPrincipal: true,
      };
    const accountId = temporary[1] as string;
    if (findAccount(accountId)?.status !== "ACTIVE") return undefined;
    return (
      this.sessions.get(accessKeyId) ?? {
        accountId,
        principalArn: `arn:aws:sts::${accountId}:assumed-role/ImageFleetReadOnly/restored-session`,
        userId: `AROA${accountId}IMAGEFLEET:restored-session`,
        isHubPrincipal: false,
      }
    );
  }
}
