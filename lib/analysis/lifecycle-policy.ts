import { z } from "zod";
import { DAY_MS } from "./time";

// Local evaluation of an ECR lifecycle policy, following AWS's documented semantics
// (Amazon ECR User Guide, "Lifecycle policy properties" and "How lifecycle policies work"):
// - rules apply in `rulePriority` order, lowest first;
// - an image is expired by exactly one or zero rules, and an image that matches the tagging
//   requirements of a higher-priority rule cannot be expired by a lower-priority one;
// - a rule still *counts* images that a higher-priority rule marks;
// - `tagPrefixList` / `tagPatternList` select an image when every entry matches one of its tags
//   (`*` is a wildcard in patterns); `tagged` needs one of them, `untagged` allows neither;
// - `imageCountMoreThan` sorts the selected images newest first by push time and expires all
//   beyond the count; `sinceImagePushed` (unit days) expires images pushed longer ago.
// Anything else (other count types, transitions to archive, storage classes) is reported as
// "cannot evaluate" for the images it could select: we never guess.

export interface RepositoryImage {
  digest: string;
  tags: readonly string[];
  pushedAt: Date | null;
}

export type LifecycleVerdict =
  /** The repository has no lifecycle policy. */
  | { status: "no-policy" }
  | { status: "kept" }
  | {
      status: "expires";
      rulePriority: number;
      rule: string;
      /** When the rule selects the image as it stands (AWS acts within 24 h after); null for count rules. */
      expiresAt: Date | null;
      /** Count rules: pushes of selected images until this one is beyond the count (0: already beyond). */
      pushesLeft: number | null;
    }
  | { status: "cannot-evaluate"; rulePriority: number | null; reason: string };

const selection = z
  .object({
    tagStatus: z.string(),
    tagPrefixList: z.array(z.string()).optional(),
    tagPatternList: z.array(z.string()).optional(),
    storageClass: z.string().optional(),
    countType: z.string(),
    countUnit: z.string().optional(),
    countNumber: z.number().int().positive(),
  })
  .passthrough();

const policySchema = z.object({
  rules: z.array(
    z
      .object({
        rulePriority: z.number().int(),
        description: z.string().optional(),
        selection,
        action: z.object({ type: z.string() }).passthrough(),
      })
      .passthrough(),
  ),
});

type PolicyRule = z.output<typeof policySchema>["rules"][number];

export type ParsedPolicy = { ok: true; rules: PolicyRule[] } | { ok: false; reason: string };

/** Parses the `lifecyclePolicyText` of GetLifecyclePolicy; rules come back in priority order. */
export function parseLifecyclePolicy(text: string): ParsedPolicy {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: "the policy text is not JSON" };
  }
  const parsed = policySchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `unexpected policy shape: ${parsed.error.issues[0]?.message}` };
  return { ok: true, rules: [...parsed.data.rules].sort((a, b) => a.rulePriority - b.rulePriority) };
}

/** "keep last 10 tagged prod-*": the rule's own description when it has one. */
export function describeRule(rule: PolicyRule): string {
  if (rule.description?.trim()) return rule.description.trim();
  const s = rule.selection;
  const tags = [...(s.tagPrefixList ?? []).map((prefix) => `${prefix}*`), ...(s.tagPatternList ?? [])].join(", ");
  const which = s.tagStatus === "tagged" ? `tagged ${tags}` : s.tagStatus === "untagged" ? "untagged" : "any";
  if (s.countType === "imageCountMoreThan") return `keep last ${s.countNumber} ${which}`;
  if (s.countType === "sinceImagePushed")
    return `expire ${which} pushed over ${s.countNumber} ${s.countUnit ?? "days"} ago`;
  return `${s.countType} ${s.countNumber} (${which})`;
}

function wildcardMatches(pattern: string, tag: string): boolean {
  const regex = new RegExp(`^${pattern.split("*").map(escapeRegex).join(".*")}$`);
  return regex.test(tag);
}

const escapeRegex = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");

/** Whether the rule's tag selection picks the image; null when the selection is not one we understand. */
function selects(rule: PolicyRule, image: RepositoryImage): boolean | null {
  const s = rule.selection;
  if (s.storageClass !== undefined && s.storageClass !== "standard") return null;
  const prefixes = s.tagPrefixList ?? [];
  const patterns = s.tagPatternList ?? [];
  switch (s.tagStatus) {
    case "any":
      return true;
    case "untagged":
      return image.tags.length === 0;
    case "tagged":
      if (prefixes.length > 0 && patterns.length > 0) return null;
      if (prefixes.length === 0 && patterns.length === 0) return null;
      return (
        prefixes.every((prefix) => image.tags.some((tag) => tag.startsWith(prefix))) &&
        patterns.every((pattern) => image.tags.some((tag) => wildcardMatches(pattern, tag)))
      );
    default:
      return null;
  }
}

/** Why we cannot project this rule's effect, or null when we can. */
function unsupported(rule: PolicyRule): string | null {
  const s = rule.selection;
  if (rule.action.type !== "expire") return `action "${rule.action.type}" is not evaluated`;
  if (s.countType === "imageCountMoreThan") return null;
  if (s.countType === "sinceImagePushed") return s.countUnit === "days" ? null : `count unit "${s.countUnit}"`;
  return `count type "${s.countType}" is not evaluated`;
}

/**
 * What the policy will do to each image of `targets`, given every image in the repository.
 * Count rules rank all images their selection picks, marked by a higher rule or not.
 */
export function evaluateLifecyclePolicy(
  policy: ParsedPolicy,
  repository: readonly RepositoryImage[],
  targets: readonly string[],
): Map<string, LifecycleVerdict> {
  const verdicts = new Map<string, LifecycleVerdict>();
  const byDigest = new Map(repository.map((image) => [image.digest, image]));
  const rankings = new Map<PolicyRule, string[]>();
  const ranking = (rule: PolicyRule): string[] => {
    let ranked = rankings.get(rule);
    if (!ranked) {
      ranked = repository
        .filter((image) => selects(rule, image) === true)
        .sort((a, b) => (b.pushedAt?.getTime() ?? 0) - (a.pushedAt?.getTime() ?? 0) || a.digest.localeCompare(b.digest))
        .map((image) => image.digest);
      rankings.set(rule, ranked);
    }
    return ranked;
  };

  for (const digest of targets) {
    const image = byDigest.get(digest);
    if (!policy.ok) {
      verdicts.set(digest, { status: "cannot-evaluate", rulePriority: null, reason: policy.reason });
      continue;
    }
    if (!image) {
      verdicts.set(digest, { status: "cannot-evaluate", rulePriority: null, reason: "image not in the repository" });
      continue;
    }
    verdicts.set(digest, verdictFor(policy.rules, image, ranking));
  }
  return verdicts;
}

function verdictFor(
  rules: readonly PolicyRule[],
  image: RepositoryImage,
  ranking: (rule: PolicyRule) => string[],
): LifecycleVerdict {
  for (const rule of rules) {
    const selected = selects(rule, image);
    const cannot = (reason: string): LifecycleVerdict => ({
      status: "cannot-evaluate",
      rulePriority: rule.rulePriority,
      reason,
    });
    if (selected === null) return cannot("its tag selection is not evaluated");
    if (!selected) continue;
    // The first rule whose tagging requirements match governs the image, whether it expires it or not.
    const why = unsupported(rule);
    if (why) return cannot(why);
    const base = { status: "expires" as const, rulePriority: rule.rulePriority, rule: describeRule(rule) };
    const count = rule.selection.countNumber;
    if (rule.selection.countType === "sinceImagePushed") {
      if (!image.pushedAt) return cannot("the image has no push time");
      return { ...base, expiresAt: new Date(image.pushedAt.getTime() + count * DAY_MS), pushesLeft: null };
    }
    const rank = ranking(rule).indexOf(image.digest);
    return { ...base, expiresAt: null, pushesLeft: Math.max(0, count - rank) };
  }
  return { status: "kept" };
}

/** The stored form of a verdict (the Image row's `lifecycle` column); dates travel as ISO strings. */
export const storedVerdict = z.discriminatedUnion("status", [
  z.object({ status: z.literal("no-policy") }),
  z.object({ status: z.literal("kept") }),
  z.object({
    status: z.literal("expires"),
    rulePriority: z.number(),
    rule: z.string(),
    expiresAt: z.coerce.date().nullable(),
    pushesLeft: z.number().nullable(),
  }),
  z.object({ status: z.literal("cannot-evaluate"), rulePriority: z.number().nullable(), reason: z.string() }),
]);
