import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { REQUIRED_EXTERNAL_ID, type Simulator } from "@/lib/simulator";

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export const START = new Date("2026-11-30T12:00:00.000Z");
export const BASE_CREDENTIALS: Credentials = { accessKeyId: "AKIAIMAGEFLEETTEST01", secretAccessKey: "not-checked" };
export const EXTERNAL_ID_ACCOUNT = "222222222222";

/** Client configuration pointing the real SDK at the simulator. */
export function clientConfig(sim: Simulator, region = "us-east-1", credentials: Credentials = BASE_CREDENTIALS) {
  return { endpoint: sim.url, region, credentials, maxAttempts: 3 };
}

/** Temporary credentials for a member account, obtained the way the collector does. */
export async function assumeReadOnly(sim: Simulator, accountId: string): Promise<Credentials> {
  const sts = new STSClient(clientConfig(sim));
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/ImageFleetReadOnly`,
      RoleSessionName: "imagefleet-test",
      ExternalId: accountId === EXTERNAL_ID_ACCOUNT ? REQUIRED_EXTERNAL_ID : undefined,
    }),
  );
  if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey) throw new Error("AssumeRole returned no credentials");
  return {
    accessKeyId: Credentials.AccessKeyId,
    secretAccessKey: Credentials.SecretAccessKey,
    sessionToken: Credentials.SessionToken,
  };
}
