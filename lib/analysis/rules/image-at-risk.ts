import { FunctionState } from "../types";
import type { FunctionFacts } from "./facts";
import { type Finding, makeFinding } from "./finding";

/** Once the function is Failed the `failed` rule says it; this rule warns before that. */
export function imageAtRisk(facts: FunctionFacts): Finding | null {
  const image = facts.image;
  if (!image || facts.state === FunctionState.Failed || (!image.missing && image.tagged)) return null;
  return makeFinding(
    "image-at-risk",
    facts,
    {
      severity: image.missing ? "critical" : "warning",
      title: image.missing ? "Deployed image deleted" : "Deployed image untagged",
      reason: image.missing
        ? "The deployed digest is gone from its repository: the function goes Failed (ImageDeleted) when Lambda next needs the image"
        : "The deployed digest has no tag: a lifecycle policy can delete it, and the function then goes Failed",
      evidence: { imageDigest: image.digest, missing: image.missing, tagged: image.tagged },
    },
    image.digest,
  );
}
