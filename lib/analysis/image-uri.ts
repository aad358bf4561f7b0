/** Where an ECR image lives, parsed from `Code.ImageUri` / `Code.ResolvedImageUri`. */
export interface EcrImageRef {
  registryId: string;
  region: string;
  repository: string;
  tag: string | null;
  digest: string | null;
}

const ECR_URI =
  /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)(?::([^@]+))?(?:@(sha256:[0-9a-f]{64}))?$/;

/** Null for anything that is not a private ECR image URI. */
export function parseEcrImageUri(uri: string): EcrImageRef | null {
  const match = ECR_URI.exec(uri);
  if (!match) return null;
  const [, registryId, region, repository, tag, digest] = match;
  return {
    registryId: registryId!,
    region: region!,
    repository: repository!,
    tag: tag ?? null,
    digest: digest ?? null,
  };
}

/** The repository as stored on a function: "<registry>.dkr.ecr.<region>.amazonaws.com/<repo>". */
export function repositoryUri(ref: EcrImageRef): string {
  return `${ref.registryId}.dkr.ecr.${ref.region}.amazonaws.com/${ref.repository}`;
}
