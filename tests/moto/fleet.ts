// Builds a small multi-account fleet in moto through the AWS SDK, the way an organisation would
// have it: member accounts created through Organizations, reached with sts:AssumeRole.
import { CloudWatchClient, PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import {
  BatchDeleteImageCommand,
  CreateRepositoryCommand,
  ECRClient,
  PutImageCommand,
  PutLifecyclePolicyCommand,
} from "@aws-sdk/client-ecr";
import {
  CreateAliasCommand,
  CreateFunctionCommand,
  LambdaClient,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
} from "@aws-sdk/client-lambda";
import { CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentity } from "@smithy/types";

export const REGION = "us-east-1";
export const HUB_KEYS = { accessKeyId: "AKIAIMAGEFLEETHUB001", secretAccessKey: "hub-secret" };
export const ROLE_NAME = "ImageFleetReader";
export const EXTERNAL_ID = "moto-external-id";

const sha = (c: string) => `sha256:${c.repeat(64)}`;
export const LAYERS = [sha("1"), sha("2"), sha("3")];
// The smallest valid zip archive (an empty one).
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);

export interface MotoFleet {
  hubAccountId: string;
  members: { id: string; name: string }[];
  /** Digest of the image deployed to `orders-api` in the first member. */
  ordersDigest: string;
  /** Digest of the image of `reports-api` in the second member, deleted after deployment. */
  deletedDigest: string;
  /**
   * `billing-api` in the second member: version 1 on its first image, version 2 and $LATEST on its
   * second, alias `live` on version 2 with 10 % to version 1; its repository keeps the last 1 `v*` image.
   */
  billing: { firstDigest: string; secondDigest: string };
  coldStartsAt: Date;
  invokedAt: Date;
  /** What orders-api's history holds, beyond the recent hours above (text and JSON REPORT lines, hourly metrics). */
  history: { coldStarts: Date[]; invocations: { at: Date; count: number }[] };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A week and more of orders-api's past: a cold and a warm invocation every 13 hours from 39 hours to
 * 8 days back (text and JSON log formats alternating), and an hourly Invocations datapoint a day
 * from 3 to 31 days back. Anything beyond 7 (logs) or 30 (metrics) days lies outside the backfill.
 */
async function seedHistory(
  clients: { cloudwatch: CloudWatchClient; logs: CloudWatchLogsClient },
  logGroupName: string,
  now: Date,
): Promise<MotoFleet["history"]> {
  const history: MotoFleet["history"] = { coldStarts: [], invocations: [] };
  const logStreamName = "history/[$LATEST]fedcba9876543210";
  await clients.logs.send(new CreateLogStreamCommand({ logGroupName, logStreamName }));
  for (let k = 3; k * 13 * HOUR <= 8 * DAY; k++) {
    const at = new Date(Math.floor((now.getTime() - k * 13 * HOUR) / 1000) * 1000);
    const json = k % 2 === 1;
    const message = (id: string, initMs?: number) =>
      json
        ? JSON.stringify({
            time: at.toISOString(),
            type: "platform.report",
            record: {
              requestId: id,
              metrics: { durationMs: 10.5, billedDurationMs: 11, ...(initMs ? { initDurationMs: initMs } : {}) },
              status: "success",
            },
          })
        : `REPORT RequestId: ${id}\tDuration: 10.5 ms\tBilled Duration: 11 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB${initMs ? `\tInit Duration: ${initMs} ms` : ""}`;
    // One batch per event pair: PutLogEvents takes at most 24 hours per call.
    await clients.logs.send(
      new PutLogEventsCommand({
        logGroupName,
        logStreamName,
        logEvents: [
          { timestamp: at.getTime(), message: message(`cold-${k}`, 200 + k) },
          { timestamp: at.getTime() + 500, message: message(`warm-${k}`) },
        ],
      }),
    );
    history.coldStarts.push(at);
  }
  const dimensions = [{ Name: "FunctionName", Value: "orders-api" }];
  for (let day = 3; day <= 31; day++) {
    const at = new Date(Math.floor((now.getTime() - day * DAY) / HOUR) * HOUR + 30 * 60_000);
    await clients.cloudwatch.send(
      new PutMetricDataCommand({
        Namespace: "AWS/Lambda",
        MetricData: [{ MetricName: "Invocations", Dimensions: dimensions, Timestamp: at, Value: day, Unit: "Count" }],
      }),
    );
    history.invocations.push({ at, count: day });
  }
  return history;
}

function imageManifest(layers: readonly string[]): string {
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: "application/vnd.docker.distribution.manifest.v2+json",
    config: { mediaType: "application/vnd.docker.container.image.v1+json", size: 100, digest: sha("c") },
    layers: layers.map((digest, i) => ({
      mediaType: "application/vnd.docker.image.rootfs.diff.tar.gzip",
      size: 1000 * (i + 1),
      digest,
    })),
  });
}

/** moto checks that a function's execution role exists; the SDK's IAM client is not installed, the query API is simple. */
async function createExecutionRole(endpoint: string, credentials: AwsCredentialIdentity): Promise<string> {
  const body = new URLSearchParams({
    Action: "CreateRole",
    Version: "2010-05-08",
    RoleName: "lambda-exec",
    AssumeRolePolicyDocument: JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
    }),
  });
  const response = await fetch(endpoint, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/20260101/${REGION}/iam/aws4_request, SignedHeaders=host, Signature=0`,
      ...(credentials.sessionToken ? { "x-amz-security-token": credentials.sessionToken } : {}),
    },
  });
  const text = await response.text();
  const arn = /<Arn>([^<]+)<\/Arn>/.exec(text)?.[1];
  if (!response.ok || !arn) throw new Error(`CreateRole failed: ${text.slice(0, 300)}`);
  return arn;
}

export async function buildMotoFleet(endpoint: string, now: Date): Promise<MotoFleet> {
  const hub = { region: REGION, endpoint, credentials: HUB_KEYS };
  const sts = new STSClient(hub);
  const hubAccountId = (await sts.send(new GetCallerIdentityCommand({}))).Account!;
  const organizations = new OrganizationsClient(hub);
  await organizations.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
  const members = [];
  for (const name of ["payments", "reporting"]) {
    const created = await organizations.send(
      new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }),
    );
    members.push({ id: created.CreateAccountStatus!.AccountId!, name });
  }
  const memberClients = async (accountId: string) => {
    const assumed = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${accountId}:role/${ROLE_NAME}`,
        RoleSessionName: "fleet-setup",
        ExternalId: EXTERNAL_ID,
      }),
    );
    const credentials = {
      accessKeyId: assumed.Credentials!.AccessKeyId!,
      secretAccessKey: assumed.Credentials!.SecretAccessKey!,
      sessionToken: assumed.Credentials!.SessionToken!,
    };
    const config = { region: REGION, endpoint, credentials };
    return {
      credentials,
      ecr: new ECRClient(config),
      lambda: new LambdaClient(config),
      // moto cannot read gzip-compressed PutMetricData.
      cloudwatch: new CloudWatchClient({ ...config, disableRequestCompression: true }),
      logs: new CloudWatchLogsClient(config),
    };
  };
  const deployImage = async (
    clients: Awaited<ReturnType<typeof memberClients>>,
    accountId: string,
    repositoryName: string,
    functionName: string,
    layers: readonly string[],
    existingRole?: string,
  ) => {
    await clients.ecr.send(new CreateRepositoryCommand({ repositoryName }));
    const pushed = await clients.ecr.send(
      new PutImageCommand({ repositoryName, imageManifest: imageManifest(layers), imageTag: "v1" }),
    );
    const role = existingRole ?? (await createExecutionRole(endpoint, clients.credentials));
    await clients.lambda.send(
      new CreateFunctionCommand({
        FunctionName: functionName,
        PackageType: "Image",
        Role: role,
        Code: { ImageUri: `${accountId}.dkr.ecr.${REGION}.amazonaws.com/${repositoryName}:v1` },
        Tags: { team: "payments" },
      }),
    );
    return { digest: pushed.image!.imageId!.imageDigest!, role };
  };

  // First member: an image function with metrics and cold starts in its logs, and a zip function.
  const payments = await memberClients(members[0]!.id);
  const orders = await deployImage(payments, members[0]!.id, "orders", "orders-api", LAYERS);
  await payments.lambda.send(
    new CreateFunctionCommand({
      FunctionName: "ledger-cron",
      Runtime: "python3.12",
      Handler: "app.handler",
      Role: orders.role,
      Code: { ZipFile: EMPTY_ZIP },
      Tags: { team: "finance" },
    }),
  );
  const invokedAt = new Date(now.getTime() - 2 * 3_600_000);
  const dimensions = [{ Name: "FunctionName", Value: "orders-api" }];
  await payments.cloudwatch.send(
    new PutMetricDataCommand({
      Namespace: "AWS/Lambda",
      MetricData: [
        { MetricName: "Invocations", Dimensions: dimensions, Timestamp: invokedAt, Value: 5, Unit: "Count" },
        { MetricName: "Errors", Dimensions: dimensions, Timestamp: invokedAt, Value: 1, Unit: "Count" },
        { MetricName: "Duration", Dimensions: dimensions, Timestamp: invokedAt, Value: 120, Unit: "Milliseconds" },
      ],
    }),
  );
  const logGroupName = "/aws/lambda/orders-api";
  const logStreamName = "2026/01/01/[$LATEST]0123456789abcdef";
  await payments.logs.send(new CreateLogGroupCommand({ logGroupName }));
  await payments.logs.send(new CreateLogStreamCommand({ logGroupName, logStreamName }));
  const report = (id: number, init: string) =>
    `REPORT RequestId: ${id}\tDuration: 10.5 ms\tBilled Duration: 11 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB${init}`;
  await payments.logs.send(
    new PutLogEventsCommand({
      logGroupName,
      logStreamName,
      logEvents: [
        { timestamp: invokedAt.getTime(), message: report(1, "\tInit Duration: 250.5 ms") },
        { timestamp: invokedAt.getTime() + 1000, message: report(2, "") },
        { timestamp: invokedAt.getTime() + 2000, message: report(3, "\tInit Duration: 300.5 ms") },
      ],
    }),
  );

  const history = await seedHistory(payments, logGroupName, now);

  // Second member: an image function whose image was deleted after deployment.
  const reporting = await memberClients(members[1]!.id);
  const reports = await deployImage(reporting, members[1]!.id, "reports", "reports-api", [sha("4"), sha("5")]);
  await reporting.ecr.send(
    new BatchDeleteImageCommand({ repositoryName: "reports", imageIds: [{ imageDigest: reports.digest }] }),
  );

  const billing = await deployImage(
    reporting,
    members[1]!.id,
    "billing",
    "billing-api",
    [sha("6"), sha("7")],
    reports.role,
  );
  await reporting.lambda.send(new PublishVersionCommand({ FunctionName: "billing-api" }));
  // ECR push times have whole-second precision: the second image must be the newer one.
  const nextSecond = Math.ceil((Date.now() + 1) / 1000) * 1000;
  await new Promise((resolve) => setTimeout(resolve, nextSecond - Date.now()));
  const second = await reporting.ecr.send(
    new PutImageCommand({
      repositoryName: "billing",
      imageManifest: imageManifest([sha("6"), sha("8")]),
      imageTag: "v2",
    }),
  );
  await reporting.lambda.send(
    new UpdateFunctionCodeCommand({
      FunctionName: "billing-api",
      ImageUri: `${members[1]!.id}.dkr.ecr.${REGION}.amazonaws.com/billing:v2`,
    }),
  );
  await reporting.lambda.send(new PublishVersionCommand({ FunctionName: "billing-api" }));
  await reporting.lambda.send(
    new CreateAliasCommand({
      FunctionName: "billing-api",
      Name: "live",
      FunctionVersion: "2",
      RoutingConfig: { AdditionalVersionWeights: { "1": 0.1 } },
    }),
  );
  await reporting.ecr.send(
    new PutLifecyclePolicyCommand({
      repositoryName: "billing",
      lifecyclePolicyText: JSON.stringify({
        rules: [
          {
            rulePriority: 1,
            description: "keep last 1 tagged v*",
            selection: { tagStatus: "tagged", tagPrefixList: ["v"], countType: "imageCountMoreThan", countNumber: 1 },
            action: { type: "expire" },
          },
        ],
      }),
    }),
  );

  return {
    hubAccountId,
    members,
    ordersDigest: orders.digest,
    deletedDigest: reports.digest,
    billing: { firstDigest: billing.digest, secondDigest: second.image!.imageId!.imageDigest! },
    coldStartsAt: invokedAt,
    invokedAt,
    history,
  };
}
