import { z } from "zod";

const accountId = z.string().regex(/^\d{12}$/, "must be a 12-digit AWS account id");
const roleArn = z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, "must be an IAM role ARN");
const region = z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/, "must be an AWS region like eu-west-1");
const positive = z.number().positive();

const channel = z.object({
  name: z.string().min(1),
  type: z.enum(["webhook", "slack"]),
  /** May carry a secret (Slack webhook path): never shown in pages, logs or API answers. */
  url: z.url(),
  rules: z.array(z.string()).optional(),
  minSeverity: z.enum(["info", "warning", "critical"]).default("warning"),
  teams: z.array(z.string()).optional(),
  reports: z.boolean().default(true),
});

export const configSchema = z
  .object({
    regions: z.array(region).min(1).default(["us-east-1"]),
    accounts: z
      .array(
        z.object({
          id: accountId,
          name: z.string().min(1),
          roleArn: roleArn.optional(),
          externalId: z.string().min(2).optional(),
        }),
      )
      .default([]),
    organization: z
      .object({
        discover: z.boolean().default(false),
        roleName: z.string().min(1).default("ImageFleetReader"),
        externalId: z.string().min(2).optional(),
      })
      .prefault({}),
    collector: z
      .object({
        intervalSeconds: z.number().int().min(10).default(300),
        stateSweepMinutes: z.number().int().min(1).default(60),
        metricsLookbackMinutes: z.number().int().min(0).default(15),
        logsConcurrency: z.number().int().min(1).max(30).default(4),
        accountConcurrency: z.number().int().min(1).max(64).default(4),
        quotas: z
          .object({
            getFunction: positive.default(100),
            lambdaControlPlane: positive.default(15),
            getMetricData: positive.default(50),
            logs: positive.default(5),
            ecr: positive.default(10),
          })
          .prefault({}),
      })
      .prefault({}),
    idle: z
      .object({
        thresholdDays: positive.default(14),
        warnDays: positive.default(10),
        criticalDays: positive.default(13),
      })
      .prefault({})
      .refine((v) => v.warnDays <= v.criticalDays && v.criticalDays <= v.thresholdDays, {
        message: "must satisfy warnDays ≤ criticalDays ≤ thresholdDays",
      }),
    alerts: z
      .object({
        publicBaseUrl: z.url().optional(),
        stuckPendingMinutes: positive.default(30),
        oldImageDays: positive.default(90),
        channels: z.array(channel).default([]),
      })
      .prefault({}),
    baseImages: z
      .object({
        /** Unset: "gallery" when AWS accounts are configured, "off" for the demo (see lib/catalog/source.ts). */
        source: z.enum(["gallery", "off"]).optional(),
        registryUrl: z.url().default("https://public.ecr.aws"),
        /** Lambda runtime ids whose base-image releases are fetched; unset: every runtime in the runtime table. */
        runtimes: z.array(z.string().min(1)).optional(),
        refreshHours: positive.default(24),
        /** Releases older than this are not fetched: images built on them have unknown lineage. */
        historyDays: positive.default(400),
      })
      .prefault({}),
    reports: z
      .object({
        timeZone: z
          .string()
          .default("UTC")
          .refine((tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC", "unknown IANA time zone"),
        ownerTagKey: z.string().min(1).default("team"),
      })
      .prefault({}),
  })
  .strict();

export type ImageFleetConfig = z.infer<typeof configSchema>;
export type AlertChannelConfig = z.infer<typeof channel>;
