import { AssumeRoleCommand, type STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { z } from "zod";

/** Refresh this long before expiry, so that no request is signed with credentials about to lapse. */
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * Caches credentials until shortly before they expire, shares one refresh between concurrent
 * callers, and does not cache failures (the next caller tries again).
 */
export function refreshingCredentials(
  fetch: () => Promise<AwsCredentialIdentity>,
  clock: () => number = Date.now,
): AwsCredentialIdentityProvider {
  let cached: AwsCredentialIdentity | null = null;
  let pending: Promise<AwsCredentialIdentity> | null = null;
  return async () => {
    const fresh = cached && (!cached.expiration || cached.expiration.getTime() - REFRESH_MARGIN_MS > clock());
    if (fresh && cached) return cached;
    pending ??= fetch()
      .then((credentials) => {
        cached = credentials;
        return credentials;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };
}

const assumeRoleAnswer = z.object({
  Credentials: z.object({
    AccessKeyId: z.string().min(1),
    SecretAccessKey: z.string().min(1),
    SessionToken: z.string().min(1),
    Expiration: z.date(),
  }),
});

export const SESSION_NAME = "imagefleet";

export interface AssumeRoleParams {
  roleArn: string;
  externalId?: string;
}

/** Credentials of a role assumed from the hub identity (the STS client's own credentials). */
export function assumedRoleCredentials(sts: STSClient, params: AssumeRoleParams): AwsCredentialIdentityProvider {
  return refreshingCredentials(async () => {
    const answer = assumeRoleAnswer.parse(
      await sts.send(
        new AssumeRoleCommand({
          RoleArn: params.roleArn,
          ExternalId: params.externalId,
          RoleSessionName: SESSION_NAME,
        }),
      ),
    );
    return {
      accessKeyId: answer.Credentials.AccessKeyId,
      secretAccessKey: answer.Credentials.SecretAccessKey,
      sessionToken: answer.Credentials.SessionToken,
      expiration: answer.Credentials.Expiration,
    };
  });
}
