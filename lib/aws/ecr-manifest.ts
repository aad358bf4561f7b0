import { z } from "zod";

const descriptor = z.object({
  digest: z.string(),
  mediaType: z.string().optional(),
  platform: z.object({ architecture: z.string(), os: z.string().optional() }).optional(),
});

const imageManifest = z.object({ layers: z.array(descriptor) });
const imageIndex = z.object({ manifests: z.array(descriptor) });

export type ParsedManifest =
  | { kind: "image"; layers: string[] }
  | { kind: "index"; manifests: z.infer<typeof descriptor>[] };

/** Reads a Docker v2 / OCI image manifest, or a manifest list / OCI index (multi-architecture). */
export function parseManifest(text: string): ParsedManifest {
  const json: unknown = JSON.parse(text);
  const index = imageIndex.safeParse(json);
  if (index.success) return { kind: "index", manifests: index.data.manifests };
  return { kind: "image", layers: imageManifest.parse(json).layers.map((layer) => layer.digest) };
}

/** Lambda names architectures x86_64 / arm64; OCI platforms say amd64 / arm64. */
const OCI_ARCHITECTURE: Record<string, string> = { x86_64: "amd64", arm64: "arm64" };

/** The digest of the index entry a function with this architecture runs, or null. */
export function manifestForArchitecture(
  manifests: readonly { digest: string; platform?: { architecture: string } }[],
  lambdaArchitecture: string,
): string | null {
  const wanted = OCI_ARCHITECTURE[lambdaArchitecture] ?? lambdaArchitecture;
  return manifests.find((m) => m.platform?.architecture === wanted)?.digest ?? null;
}
