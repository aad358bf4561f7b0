import type { Severity } from "./severity";

/**
 * What a rule is about. `outage`: invocations fail now or within a day, so it may page someone.
 * `hygiene`: the function works; the finding asks for a rebuild or a redeploy on a deadline.
 */
export type RuleImpact = "outage" | "hygiene";

/** One rule as people read it: the filters, the alert headline, and docs/alerts.md. */
export interface RuleDefinition {
  /** Short name for filters and badges. */
  label: string;
  /** Default headline of its alerts (a rule may say something more precise for one case). */
  title: string;
  impact: RuleImpact;
  /** Every severity the rule can raise, worst first, before the environment adjustment. */
  severities: readonly Severity[];
  /** When it is which severity, and why. */
  severityPolicy: string;
  meaning: string;
  action: string;
  /** Outside production the severity drops one level (critical → warning → info). */
  lowerOutsideProduction: boolean;
}

/**
 * The one registry of alert rules, in evaluation order (outages first). A new rule adds its entry
 * here, its evaluator in `evaluate.ts` (a Record, so it cannot be forgotten), and
 * `npm run docs:alerts` regenerates docs/alerts.md from these entries.
 */
export const RULE_REGISTRY = {
  failed: {
    label: "Failed",
    title: "Failed",
    impact: "outage",
    severities: ["critical"],
    severityPolicy: "Always critical: every invocation fails now.",
    meaning:
      "Lambda reports the function `Failed`, typically because its image was deleted from ECR (`ImageDeleted`) or Lambda lost access to it (`ImageAccessDenied`).",
    action:
      "Read the reason code on the alert; deploy an image that exists (or restore the repository policy / KMS access), then update the function.",
    lowerOutsideProduction: true,
  },
  inactive: {
    label: "Inactive",
    title: "Inactive",
    impact: "outage",
    severities: ["critical", "warning"],
    severityPolicy:
      "Critical when the function had traffic in the previous 14 days (callers are hitting failures); warning when it had none (the next caller will fail once, but nobody is calling).",
    meaning:
      "Lambda reclaimed the optimized copy of the image after the function sat idle; the next invocation fails while the function goes back through `Pending`.",
    action:
      "If something still calls it, invoke it once (or schedule a keep-warm invocation) so it is Active before real traffic; otherwise consider deleting it.",
    lowerOutsideProduction: true,
  },
  "stuck-pending": {
    label: "Stuck in Pending",
    title: "Stuck in Pending",
    impact: "outage",
    severities: ["critical"],
    severityPolicy:
      "Always critical: a function `Pending` longer than `alerts.stuckPendingMinutes` (30) cannot be invoked.",
    meaning: "The function has been `Pending` far longer than an image optimization takes.",
    action: "Check the state reason; look for a failing deployment, VPC/ENI or KMS problems; redeploy.",
    lowerOutsideProduction: true,
  },
  "update-failed": {
    label: "Update failed",
    title: "Last update failed",
    impact: "hygiene",
    severities: ["warning"],
    severityPolicy: "Warning: the previous configuration keeps serving, but the intended change is not live.",
    meaning: "The last `UpdateFunctionCode`/`UpdateFunctionConfiguration` failed and was not applied.",
    action: "Read the update reason, fix the cause and deploy again.",
    lowerOutsideProduction: true,
  },
  "idle-near-inactive": {
    label: "Idle, nearing Inactive",
    title: "Idle, nearing Inactive",
    impact: "outage",
    severities: ["critical", "warning", "info"],
    severityPolicy:
      "Critical when the idle threshold is crossed within 24 h and the function was invoked in the last 30 days (it is in use, and its next caller will fail); info when it has not been invoked for 30 days or we never saw an invocation (abandoned); warning otherwise.",
    meaning:
      "An image function has not been invoked for `idle.warnDays` (10) days; at `idle.thresholdDays` (14) Lambda may make it `Inactive`.",
    action:
      "If it is still needed, invoke it (or schedule an invocation) before the date on the alert; if it is abandoned, delete it.",
    lowerOutsideProduction: true,
  },
  "image-at-risk": {
    label: "Image at risk",
    title: "Deployed image at risk",
    impact: "outage",
    severities: ["critical", "warning"],
    severityPolicy:
      "Critical when ECR no longer holds the deployed digest (the function goes `Failed` when Lambda next needs it); warning when the digest is only untagged (a lifecycle policy may delete it).",
    meaning: "The digest the function runs is gone from its repository, or has no tag that protects it.",
    action: "Push the image back (or deploy a new one), and exclude deployed digests from ECR lifecycle policies.",
    lowerOutsideProduction: true,
  },
  "image-expiry-risk": {
    label: "Lifecycle policy will expire image",
    title: "Lifecycle policy will expire a deployed image",
    impact: "outage",
    severities: ["critical", "warning"],
    severityPolicy:
      "Critical when a lifecycle rule expires a digest the function, a version or an alias runs within 24 h (or it is already due), or the next matching push expires it; warning within 30 days or 3 pushes; later ones show on the function page only.",
    meaning:
      "The repository's ECR lifecycle policy, evaluated locally with AWS's semantics, will delete a digest in use; invocations through it then fail (ImageDeleted). Rule shapes it cannot evaluate are shown, never guessed. See docs/image-safety.md.",
    action:
      "Redeploy (or re-point the alias) to a digest the policy keeps, or change the policy so it keeps what Lambda runs.",
    lowerOutsideProduction: true,
  },
  "base-image-behind": {
    label: "Base image behind",
    title: "Base image behind",
    impact: "hygiene",
    severities: ["warning", "info"],
    severityPolicy:
      "Warning when the image is at least 3 releases or 30 days behind the newest AWS base image; info below that. Never critical: the function works, it only misses patches.",
    meaning: "The image's lower layers match an older release of an AWS base image than the newest one.",
    action: "Rebuild the image on the newest base image release and deploy it.",
    lowerOutsideProduction: true,
  },
  "deprecated-runtime": {
    label: "Deprecated runtime",
    title: "Deprecated runtime",
    impact: "hygiene",
    severities: ["critical", "warning", "info"],
    severityPolicy:
      "Critical only within 14 days before AWS blocks updates of functions on the runtime (Zip functions; AWS does not block image functions); warning once deprecated; info while the deprecation is ahead (within 60 days).",
    meaning:
      "The function's runtime, or the runtime of its image's base image, is deprecated by AWS: no more security patches, and later no more creates and updates.",
    action: "Move to a supported runtime (rebuild the image on a current base image) before the dates on the alert.",
    lowerOutsideProduction: true,
  },
  "image-findings": {
    label: "Scan findings",
    title: "Vulnerabilities in image",
    impact: "hygiene",
    severities: ["warning", "info"],
    severityPolicy: "Warning for critical scan findings, info for high ones. Never critical: nothing is broken.",
    meaning: "ECR or Inspector found vulnerabilities in the deployed image.",
    action: "Rebuild on a patched base image and updated dependencies, then deploy.",
    lowerOutsideProduction: true,
  },
  "scan-coverage-lapsed": {
    label: "Image scanning lapsed",
    title: "Image scanning lapsed",
    impact: "hygiene",
    severities: ["warning"],
    severityPolicy: "Warning: nothing is broken, but findings are stale.",
    meaning:
      "An image in use is no longer scanned: Inspector stopped re-scanning it (SCAN_ELIGIBILITY_EXPIRED: it counts only ECS/EKS as use), or its last completed scan is older than alerts.scanMaxAgeDays (14).",
    action:
      "Re-scan the image (or push/pull it), or extend Inspector's ECR re-scan duration for repositories Lambda uses.",
    lowerOutsideProduction: true,
  },
  "old-image": {
    label: "Old image",
    title: "Old image",
    impact: "hygiene",
    severities: ["info"],
    severityPolicy: "Info: the weakest sign of an unpatched image, raised only when the base image is unknown.",
    meaning:
      "The deployed image was pushed more than `alerts.oldImageDays` (90) days ago and its base image is unknown.",
    action: "Rebuild and redeploy; set the OCI base-image annotations so ImageFleet can tell what it is built on.",
    lowerOutsideProduction: true,
  },
  "image-size-near-limit": {
    label: "Image size near limit",
    title: "Image size near the limit",
    impact: "hygiene",
    severities: ["warning", "info"],
    severityPolicy:
      "Warning when the image is at or over the 10 GiB limit (the next deploy of a bigger image fails); info within 10 % of it.",
    meaning: "The deployed image's size is close to Lambda's 10 GiB image limit.",
    action: "Slim the image (multi-stage build, fewer layers, no build tools) before it blocks deploys.",
    lowerOutsideProduction: true,
  },
  "cold-start-regression": {
    label: "Cold-start regression",
    title: "Cold-start regression",
    impact: "hygiene",
    severities: ["warning"],
    severityPolicy: "Warning: latency got worse, nothing fails.",
    meaning:
      "This week's cold-start rate or init p95 is at least 1.5 × the mean of the previous weeks, on enough invocations to tell.",
    action: "Compare with the last deploy (image size, init code); consider provisioned concurrency.",
    lowerOutsideProduction: true,
  },
} as const satisfies Record<string, RuleDefinition>;

export type RuleId = keyof typeof RULE_REGISTRY;

export const RULE_IDS = Object.keys(RULE_REGISTRY) as [RuleId, ...RuleId[]];

export function ruleDefinition(id: RuleId): RuleDefinition {
  return RULE_REGISTRY[id];
}

/** The filter label of a stored rule id; an id from an older or newer version shows as is. */
export function ruleLabel(id: string): string {
  return (RULE_REGISTRY as Record<string, RuleDefinition>)[id]?.label ?? id;
}
