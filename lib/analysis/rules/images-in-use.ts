import type { FunctionFacts, ImageFacts } from "./facts";

export interface ImageInUse {
  image: ImageFacts;
  /** "$LATEST", "version 7", "alias live (10 %)". */
  usedBy: readonly string[];
}

/** Every digest the function can run: `$LATEST`'s, then those only versions and aliases pin. */
export function imagesInUse(facts: FunctionFacts): ImageInUse[] {
  const latest = facts.image ? [{ image: facts.image, usedBy: ["$LATEST"] }] : [];
  return [...latest, ...facts.pinnedImages];
}
