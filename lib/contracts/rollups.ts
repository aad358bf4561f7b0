/**
 * How current the roll-ups behind an answer for a preset window are: the oldest roll-up computation
 * it used and the bucket watermark (metrics collected through) it reflects. Answers for a custom
 * from/to window read buckets and carry null instead.
 */
export interface RollupFreshness {
  computedAt: string | null;
  watermark: string | null;
}
