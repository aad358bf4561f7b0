import { z } from "zod";
import { DEFAULT_GROUP_BY, GROUP_LABELS } from "@/lib/analysis/alerts/grouping";
import type { PriceOverride } from "@/lib/analysis/cost";
import { DEFAULT_IDLE_THRESHOLDS } from "@/lib/analysis/idle";
import { DEFAULT_ENVIRONMENT_CONFIG } from "@/lib/analysis/rules/environment";
import { RULE_IDS } from "@/lib/analysis/rules/registry";
import { isLoopbackHost } from "./loopback";

const accountId = z.string().regex(/^\d{12}$/, "must be a 12-digit AWS account id");
const roleArn = z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, "must be an IAM role ARN");
const region = z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/, "must be an AWS region like eu-west-1");
const positive = z.number().positive();
// Every interval here ends up in a timer: Node's setTimeout fires at once beyond 2^31 - 1 ms (24.8 days).
const DAY_SECONDS = 86_400;
const quota = positive.max(10_000, "must be at most 10,000 requests per second");
const days = (max: number) => positive.max(max, `must be at most ${max} days`);

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http or https URL" });

/** At least 32 characters that are not spaces: padding a short secret with blanks adds nothing. */
export const MIN_SECRET_CHARACTERS = 32;
export const isStrongSecret = (secret: string) => secret.replace(/\s/g, "").length >= MIN_SECRET_CHARACTERS;

const addressFormats = [z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()];
const trustedProxy = z.string().refine((value) => addressFormats.some((format) => format.safeParse(value).success), {
  message: "must be an IP address or a CIDR range like 10.0.0.0/8",
});

/** How the web server meets the network (docs/security.md). */
const server = z.strictObject({
  /**
   * Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For and X-Forwarded-Host are
   * believed; from any other peer they are ignored.
   */
  trustedProxies: z.array(trustedProxy).default([]),
});

const nonEmptyNames = z.array(z.string().min(1)).min(1);

const channel = z
  .strictObject({
    name: z.string().min(1),
    /** webhook: Alertmanager webhook v4 JSON; slack: Block Kit; pagerduty: Events API v2. */
    type: z.enum(["webhook", "slack", "pagerduty"]),
    /** May carry a secret (Slack webhook path): never shown in pages, logs or API answers. */
    url: httpUrl,
    /** PagerDuty integration key: added to each event at delivery, never stored with a message. */
    routingKey: z.string().min(1).optional(),
    rules: z.array(z.enum(RULE_IDS)).optional(),
    minSeverity: z.enum(["info", "warning", "critical"]).default("warning"),
    teams: z.array(z.string()).optional(),
    reports: z.boolean().default(true),
  })
  .refine((c) => c.type !== "pagerduty" || c.routingKey !== undefined, {
    message: "a pagerduty channel needs a routingKey",
    path: ["routingKey"],
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
  sessionSecret: z
    .string()
    .refine(isStrongSecret, `must have at least ${MIN_SECRET_CHARACTERS} characters other than spaces`)
    .optional(),
  sessionHours: positive.max(24 * 30).default(12),
  /** Where users reach ImageFleet (for the OIDC redirect URI); default: the request's own origin. */
  publicBaseUrl: httpUrl.optional(),
});

/** The account in a role ARN: arn:aws:iam::<account>:role/<name>. */
const arnAccount = (arn: string) => arn.split(":")[4];

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
        z
          .strictObject({
            id: accountId,
            name: z.string().min(1),
            roleArn: roleArn.optional(),
            externalId: z.string().min(2).optional(),
          })
          .superRefine((account, ctx) => {
            const named = account.roleArn && arnAccount(account.roleArn);
            if (named && named !== account.id) {
              ctx.addIssue({
                code: "custom",
                path: ["roleArn"],
                message: `must be a role in account ${account.id} (it names account ${named})`,
              });
            }
          }),
      )
      .default([]),
    organization: z
      .strictObject({
        discover: z.boolean().default(false),
        roleName: z.string().min(1).default("ImageFleetReader"),
        externalId: z.string().min(2).optional(),
      })
      .prefault({}),
    collector: z
      .strictObject({
        intervalSeconds: z.number().int().min(10).max(DAY_SECONDS, "must be at most 86400 (1 day)").default(300),
        stateSweepMinutes: z.number().int().min(1).max(1440, "must be at most 1440 (1 day)").default(60),
        metricsLookbackMinutes: z.number().int().min(0).max(1440, "must be at most 1440 (1 day)").default(15),
        /** GetMetricData is billed per metric requested: read each function's metrics this often, not every cycle. */
        metricsIntervalMinutes: z.number().int().min(1).max(1440, "must be at most 1440 (1 day)").default(15),
        logsConcurrency: z.number().int().min(1).max(30).default(4),
        accountConcurrency: z.number().int().min(1).max(64).default(4),
        /** History read for functions seen for the first time (or again after a gap), behind the fresh reads. */
        backfill: z
          .object({
            /** Hourly metrics: GetMetricData bills per metric, so 30 days cost the requests of 2. CloudWatch keeps hourly data 455 days. */
            metricsDays: z.number().int().min(2).max(455).default(30),
            /** Cold starts from the logs: Insights bills by bytes scanned. */
            coldStartDays: z.number().int().min(0).max(30).default(7),
            /** Insights bytes a collection run may scan for backfill (estimated from storedBytes, then measured). */
            maxScanGiB: z.number().min(0).default(20),
          })
          .prefault({}),
        quotas: z
          .strictObject({
            getFunction: quota.default(100),
            lambdaControlPlane: quota.default(15),
            getMetricData: quota.default(50),
            logs: quota.default(5),
            ecr: quota.default(10),
          })
          .prefault({}),
      })
      .prefault({}),
    idle: z
      .strictObject({
        /** Set: pinned for every prediction. Unset: learned from observed transitions once there are enough, else the default. */
        thresholdDays: days(365).optional(),
        warnDays: days(365).default(DEFAULT_IDLE_THRESHOLDS.warnDays),
        criticalDays: days(365).default(DEFAULT_IDLE_THRESHOLDS.criticalDays),
        /** Observed Active → Inactive transitions needed before the learned threshold is used. */
        learnMinSamples: z.number().int().min(1).max(10_000).default(10),
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
      .strictObject({
        publicBaseUrl: httpUrl.optional(),
        stuckPendingMinutes: positive.max(10_080, "must be at most 10080 (7 days)").default(30),
        oldImageDays: days(3650).default(90),
        /** An in-use image whose last completed scan is older than this raises scan-coverage-lapsed. */
        scanMaxAgeDays: days(365).default(14),
        channels: z
          .array(channel)
          .default([])
          .superRefine((channels, ctx) => {
            const seen = new Set<string>();
            channels.forEach((channel, i) => {
              if (seen.has(channel.name)) {
                ctx.addIssue({
                  code: "custom",
                  path: [i, "name"],
                  message: `duplicate channel name "${channel.name}"`,
                });
              }
              seen.add(channel.name);
            });
          }),
        /** Labels alerts are grouped by, for the list and for notifications (lib/analysis/alerts/grouping.ts). */
        groupBy: z
          .array(z.enum(GROUP_LABELS))
          .min(1)
          .refine((labels) => new Set(labels).size === labels.length, "must not repeat a label")
          .default([...DEFAULT_GROUP_BY]),
        /** A group still open is notified again at most this often. */
        repeatIntervalHours: positive.max(24 * 30, "must be at most 720 (30 days)").default(24),
        /** How a function's environment is read; outside production severities drop one level. */
        environment: z
          .strictObject({
            tagKeys: nonEmptyNames.default([...DEFAULT_ENVIRONMENT_CONFIG.tagKeys]),
            nameSuffixes: z.array(z.string().min(1)).default([...DEFAULT_ENVIRONMENT_CONFIG.nameSuffixes]),
            productionValues: nonEmptyNames.default([...DEFAULT_ENVIRONMENT_CONFIG.productionValues]),
            lowerOutsideProduction: z.boolean().default(DEFAULT_ENVIRONMENT_CONFIG.lowerOutsideProduction),
          })
          .prefault({}),
      })
      .prefault({}),
    baseImages: z
      .strictObject({
        /** "gallery" fetches AWS base-image releases from the registry below; off by default (no network). */
        source: z.enum(["gallery", "off"]).default("off"),
        registryUrl: httpUrl.default("https://public.ecr.aws"),
        /** Lambda runtime ids whose base-image releases are fetched; unset: every runtime in the runtime table. */
        runtimes: z.array(z.string().min(1)).optional(),
        refreshHours: positive.max(168, "must be at most 168 (7 days)").default(24),
        /** Releases older than this are not fetched: images built on them have unknown lineage. */
        historyDays: days(3650).default(400),
      })
      .prefault({}),
    reports: z
      .strictObject({
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
      .strictObject({
        fiveMinuteHours: z
          .number()
          .int()
          .min(1)
          .max(24 * 3650)
          .default(48),
        hourlyDays: z.number().int().min(2).max(3650).default(90),
        dailyDays: z.number().int().min(7).max(3650).default(456),
        snapshotsAllDays: z.number().int().min(1).max(3650).default(2),
        snapshotsHourlyDays: z.number().int().min(1).max(3650).default(30),
        pollRunDays: z.number().int().min(1).max(3650).default(30),
      })
      .prefault({}),
    /** Prices of the cost estimates (docs/cost.md): us-east-1 on-demand by default; name only what differs. */
    pricing: z.strictObject({ regions: z.record(region, priceOverride).default({}) }).prefault({}),
    server: server.prefault({}),
    /** Absent: no sign-in (allowed on loopback, or with IMAGEFLEET_ALLOW_ANONYMOUS=1). */
    auth: auth.optional(),
  })
  .strict()
  .refine((config) => config.collector.backfill.metricsDays <= config.retention.hourlyDays, {
    message: "must not exceed retention.hourlyDays: older hourly buckets would be deleted right away",
    path: ["collector", "backfill", "metricsDays"],
  });

export type ImageFleetConfig = z.infer<typeof configSchema>;
export type AlertChannelConfig = z.infer<typeof channel>;
export type ReportEmailConfig = z.infer<typeof reportEmail>;
export type AuthConfig = z.infer<typeof auth>;
export type ServerConfig = z.infer<typeof server>;
