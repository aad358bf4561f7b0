import type { RuleConfig } from "./config";
import type { FunctionFacts } from "./facts";
import { type Finding, makeFinding } from "./finding";

const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;

/** ECR reports the compressed size; the limit applies uncompressed, so this errs on the late side. */
export function imageSizeNearLimit(facts: FunctionFacts, config: RuleConfig): Finding | null {
  const image = facts.image;
  if (!image || image.sizeBytes === null) return null;
  const { limitBytes, marginRatio } = config.imageSize;
  if (image.sizeBytes < limitBytes * (1 - marginRatio)) return null;
  const over = image.sizeBytes >= limitBytes;
  return makeFinding(
    "image-size-near-limit",
    facts,
    {
      // The running image works; only the next, bigger deploy would fail.
      severity: over ? "warning" : "info",
      reason: `Image is ${gib(image.sizeBytes)} compressed, ${over ? "at or over" : `within ${Math.round(marginRatio * 100)}% of`} the ${gib(limitBytes)} limit`,
      evidence: { sizeBytes: image.sizeBytes, limitBytes, imageDigest: image.digest },
    },
    image.digest,
  );
}
