import type { ImageFleetConfig } from "@/lib/config/schema";

export type Quotas = ImageFleetConfig["collector"]["quotas"];
export type AwsService = "lambda" | "cloudwatch" | "logs" | "ecr" | "sts" | "organizations";

export interface QuotaGroup {
  /** Bucket name within an account × region; APIs sharing one AWS quota share a bucket. */
  key: string;
  ratePerSecond: number;
}

/**
 * Which documented per-account, per-region quota an API call counts against. GetFunction has its
 * own 100 req/s; every other Lambda control-plane call shares 15 req/s. STS and Organizations are
 * called a handful of times per cycle and are not paced.
 */
export function quotaGroup(service: AwsService, operation: string, quotas: Quotas): QuotaGroup | null {
  switch (service) {
    case "lambda":
      return operation === "GetFunction"
        ? { key: "lambda:GetFunction", ratePerSecond: quotas.getFunction }
        : { key: "lambda:control-plane", ratePerSecond: quotas.lambdaControlPlane };
    case "cloudwatch":
      return operation === "GetMetricData"
        ? { key: "cloudwatch:GetMetricData", ratePerSecond: quotas.getMetricData }
        : null;
    case "logs":
      return { key: `logs:${operation}`, ratePerSecond: quotas.logs };
    case "ecr":
      return { key: `ecr:${operation}`, ratePerSecond: quotas.ecr };
    default:
      return null;
  }
}
