import { FunctionState } from "../types";
import type { FunctionFacts } from "./facts";
import { type Finding, makeFinding } from "./finding";
import { imagesInUse } from "./images-in-use";

/**
 * A digest the function runs ($LATEST, a version or an alias) is deleted or untagged. Once the
 * function is Failed the `failed` rule says it for $LATEST; this rule warns before that.
 */
export function imageAtRisk(facts: FunctionFacts): Finding | null {
  const atRisk = imagesInUse(facts).filter(
    ({ image, usedBy }) =>
      (image.missing || !image.tagged) && !(usedBy.includes("$LATEST") && facts.state === FunctionState.Failed),
  );
  const worst = atRisk.find(({ image }) => image.missing) ?? atRisk[0];
  if (!worst) return null;
  const { image, usedBy } = worst;
  const latest = usedBy.includes("$LATEST");
  const what = latest ? "The deployed digest" : `The digest ${usedBy.join(", ")} runs`;
  return makeFinding(
    "image-at-risk",
    facts,
    {
      severity: image.missing ? "critical" : "warning",
      title: image.missing ? "Deployed image deleted" : "Deployed image untagged",
      reason: image.missing
        ? `${what} is gone from its repository: ${latest ? "the function goes Failed (ImageDeleted) when Lambda next needs the image" : "invocations through it fail"}`
        : `${what} has no tag: a lifecycle policy can delete it, and ${latest ? "the function then goes Failed" : "invocations through it then fail"}`,
      evidence: {
        imageDigest: image.digest,
        missing: image.missing,
        tagged: image.tagged,
        usedBy: usedBy.join(", "),
        moreDigestsAtRisk: atRisk.length - 1,
      },
    },
    image.digest,
  );
}
