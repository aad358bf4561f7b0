import "server-only";
import http from "node:http";
import https from "node:https";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { ECRClient } from "@aws-sdk/client-ecr";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { STSClient } from "@aws-sdk/client-sts";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, MiddlewareStack } from "@smithy/types";
import { installPacing } from "./middleware";
import { type AwsService, type Quotas, quotaGroup } from "./quotas";
import { TokenBucket } from "./rate-limit";
import { DEFAULT_RETRY_POLICY, type RetryPolicy, retryStrategy } from "./retry";

export type Credentials = AwsCredentialIdentity | AwsCredentialIdentityProvider;

export interface AwsSettings {
  /**
   * One endpoint for every service (the embedded demo). Unset, the SDK itself honours
   * AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE>, like every other AWS tool.
   */
  endpoint?: string;
  /** The hub identity; unset, the SDK's default credential chain (env, profiles, SSO, instance role). */
  credentials?: Credentials;
  quotas: Quotas;
  retry?: RetryPolicy;
}

/** Who calls and where: the credentials of one account, in one region. */
export interface AwsScope {
  accountId: string;
  region: string;
  credentials?: Credentials;
}

interface SdkClient {
  // biome-ignore lint/suspicious/noExplicitAny: each client's stack is typed with its own command unions
  middlewareStack: MiddlewareStack<any, any>;
  destroy(): void;
}

/** Organizations has one endpoint, in us-east-1 (aws partition). */
const ORGANIZATIONS_REGION = "us-east-1";

/** One cached SDK client per account × region × service, each call paced by its quota's bucket. */
export class AwsClients {
  private readonly clients = new Map<string, SdkClient>();
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly requestHandler = new NodeHttpHandler({
    connectionTimeout: 5_000,
    requestTimeout: 60_000,
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: 64 }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 64 }),
  });

  constructor(readonly settings: AwsSettings) {}

  lambda(scope: AwsScope): LambdaClient {
    return this.client("lambda", scope, (config) => new LambdaClient(config));
  }

  cloudwatch(scope: AwsScope): CloudWatchClient {
    return this.client("cloudwatch", scope, (config) => new CloudWatchClient(config));
  }

  logs(scope: AwsScope): CloudWatchLogsClient {
    return this.client("logs", scope, (config) => new CloudWatchLogsClient(config));
  }

  ecr(scope: AwsScope): ECRClient {
    return this.client("ecr", scope, (config) => new ECRClient(config));
  }

  sts(scope: AwsScope): STSClient {
    return this.client("sts", scope, (config) => new STSClient(config));
  }

  organizations(scope: Omit<AwsScope, "region">): OrganizationsClient {
    return this.client(
      "organizations",
      { ...scope, region: ORGANIZATIONS_REGION },
      (config) => new OrganizationsClient(config),
    );
  }

  private bucket(accountId: string, region: string, key: string, ratePerSecond: number): TokenBucket {
    const id = `${accountId}:${region}:${key}`;
    let bucket = this.buckets.get(id);
    if (!bucket) {
      bucket = new TokenBucket(ratePerSecond);
      this.buckets.set(id, bucket);
    }
    return bucket;
  }

  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
    this.requestHandler.destroy();
  }

  private client<T extends SdkClient>(
    service: AwsService,
    scope: AwsScope,
    create: (config: ReturnType<AwsClients["config"]>) => T,
  ): T {
    const id = `${service}:${scope.accountId}:${scope.region}`;
    const cached = this.clients.get(id);
    if (cached) return cached as T;
    const client = create(this.config(scope));
    installPacing(client.middlewareStack, {
      service,
      bucketFor: (operation) => {
        const group = quotaGroup(service, operation, this.settings.quotas);
        return group && this.bucket(scope.accountId, scope.region, group.key, group.ratePerSecond);
      },
    });
    this.clients.set(id, client);
    return client;
  }

  private config(scope: AwsScope) {
    return {
      region: scope.region,
      credentials: scope.credentials ?? this.settings.credentials,
      ...(this.settings.endpoint ? { endpoint: this.settings.endpoint } : {}),
      retryStrategy: retryStrategy(this.settings.retry ?? DEFAULT_RETRY_POLICY),
      requestHandler: this.requestHandler,
    };
  }
}
