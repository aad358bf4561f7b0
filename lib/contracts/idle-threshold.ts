import type { IdleDistribution, ThresholdInForce } from "@/lib/analysis/idle-threshold";

/** `GET /api/fleet/idle-threshold`: when this fleet's functions went Inactive, and which threshold predictions use. */
export interface IdleThresholdAnswer {
  /** Learned figures are estimates from observed transitions: the method is documented here. */
  method: "docs/idle-threshold.md";
  learnMinSamples: number;
  packageTypes: { packageType: string; distribution: IdleDistribution | null; inForce: ThresholdInForce }[];
  /** Per package type and region, where a region alone has at least learnMinSamples transitions. */
  byRegion: Record<string, Record<string, IdleDistribution>>;
}
