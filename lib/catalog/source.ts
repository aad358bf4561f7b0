import type { ImageFleetConfig } from "@/lib/config/schema";

export type CatalogSource = "gallery" | "off";

/**
 * Where base-image releases come from. An explicit `baseImages.source` wins. Otherwise a
 * deployment that watches real AWS accounts fetches from the public gallery (it talks to AWS
 * anyway), and the demo, with no accounts configured, stays off the network: its catalog is
 * seeded from the simulator.
 */
export function catalogSource(
  config: Pick<ImageFleetConfig, "baseImages" | "accounts" | "organization">,
): CatalogSource {
  if (config.baseImages.source) return config.baseImages.source;
  return config.accounts.length > 0 || config.organization.discover ? "gallery" : "off";
}
