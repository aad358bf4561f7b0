import { z } from "zod";
import type { PriceOverride } from "@/lib/analysis/cost";
import { DEFAULT_IDLE_THRESHOLDS } from "@/lib/analysis/idle";
import { isLoopbackHost } from "./loopback";

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

const price = z.number().positive().max(1);
const architecturePrices = z.strictObject({ gbSecond: price.optional(), provisionedGbSecond: price.optional() });
const priceOverride = z.strictObject({
  requestPerMillion: price.optional(),
  ephemeralGbSecond: price.optional(),
  architectures: z
    .strictObject({ x86_64: architecturePrices.optional(), arm64: architecturePrices.optional() })
    .optional(),
}) satisfies z.ZodType<PriceOverride>;

const groupNames = z.array(z.string().min(1));

const oidc = z.strictObject({
  /** Plain http only for a provider on this machine (tests, local trials). */
  issuer: z.url().refine((issuer) => {
    const url = new URL(issuer);
    return url.protocol === "https:" || (url.protocol === "http:" && isLoopbackHost(url.hostname));
  }, "must be an https URL (http only on loopback)"),
  clientId: z.string().min(1),
  /** Prefer IMAGEFLEET_OIDC_CLIENT_SECRET; absent in both: a public client (PKCE only). */
  clientSecret: z.string().min(1).optional(),
  scopes: z
    .string()
    .default("openid profile email")
    .refine((scopes) => scopes.split(/\s+/).includes("openid"), "must include openid"),
  groupsClaim: z.string().min(1).default("groups"),
  adminGroups: groupNames,
  /** Absent: every authenticated user may view. */
  viewerGroups: groupNames.optional(),
  /** Members of these groups see only functions in the listed accounts or owned by the listed teams. */
  restrictions: z
    .array(
      z
        .strictObject({
          group: z.string().min(1),
          accounts: z.array(accountId).optional(),
          teams: groupNames.optional(),
        })
        .refine((r) => r.accounts?.length || r.teams?.length, "must list accounts or teams"),
    )
    .default([]),
});

const auth = z.strictObject({
  oidc,
  /** Prefer IMAGEFLEET_SESSION_SECRET: encrypts the session cookies. */
  sessionSecret: z.string().min(32, "must be at least 32 characters").optional(),
  sessionHours: positive.max(24 * 30).default(12),
  /** Where users reach ImageFleet (for the OIDC redirect URI); default: the request's own origin. */
  publicBaseUrl: z.url().optional(),
});

const reportEmail = z
  .object({
    host: z.string().trim().min(1),
    port: z.number().int().min(1).max(65_535).default(587),
    /**
     * "implicit": TLS from the first byte (port 465); "starttls": upgrade required before anything
     * is sent; "none": plain text, allowed only to a server on this machine (a local relay).
     */
    tls: z.enum(["implicit", "starttls", "none"]).default("starttls"),
    from: z.string().trim().min(1),
  })
  .strict()
  .refine((email) => email.tls !== "none" || isLoopbackHost(email.host), {
    message: 'tls "none" is allowed only for a server on this machine',
    path: ["tls"],
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
        /** GetMetricData is billed per metric requested: read each function's metrics this often, not every cycle. */
        metricsIntervalMinutes: z.number().int().min(1).default(15),
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
        /** Set: pinned for every prediction. Unset: learned from observed transitions once there are enough, else the default. */
        thresholdDays: positive.optional(),
        warnDays: positive.default(DEFAULT_IDLE_THRESHOLDS.warnDays),
        criticalDays: positive.default(DEFAULT_IDLE_THRESHOLDS.criticalDays),
        /** Observed Active → Inactive transitions needed before the learned threshold is used. */
        learnMinSamples: z.number().int().min(1).default(10),
      })
      .prefault({})
      .transform(({ thresholdDays, ...rest }) => ({
        ...rest,
        thresholdDays: thresholdDays ?? DEFAULT_IDLE_THRESHOLDS.thresholdDays,
        thresholdPinned: thresholdDays !== undefined,
      }))
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
        /** "gallery" fetches AWS base-image releases from the registry below; off by default (no network). */
        source: z.enum(["gallery", "off"]).default("off"),
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
        /** SMTP server the published weekly reports are e-mailed through; user and password come from the environment. */
        email: reportEmail.optional(),
        /** Who receives each team's weekly report by e-mail once its week has closed. */
        recipients: z.array(z.object({ team: z.string().min(1), to: z.array(z.email()).min(1) }).strict()).default([]),
      })
      .prefault({}),
    /** How long each kind of history is kept (lib/analysis/retention.ts). */
    retention: z
      .object({
        fiveMinuteHours: z.number().int().min(1).default(48),
        hourlyDays: z.number().int().min(2).default(90),
        dailyDays: z.number().int().min(7).default(456),
        snapshotsAllDays: z.number().int().min(1).default(2),
        snapshotsHourlyDays: z.number().int().min(1).default(30),
        pollRunDays: z.number().int().min(1).default(30),
      })
      .prefault({}),
    /** Prices of the cost estimates (docs/cost.md): us-east-1 on-demand by default; name only what differs. */
    pricing: z.strictObject({ regions: z.record(region, priceOverride).default({}) }).prefault({}),
    /** Absent: no sign-in (allowed on loopback, or with IMAGEFLEET_ALLOW_ANONYMOUS=1). */
    auth: auth.optional(),
  })
  .strict();

export type ImageFleetConfig = z.infer<typeof configSchema>;
export type AlertChannelConfig = z.infer<typeof channel>;
export type ReportEmailConfig = z.infer<typeof reportEmail>;
export type AuthConfig = z.infer<typeof auth>;
