// The catalog table has no architecture column: per-architecture releases carry AWS's own tag
// suffix in their version ("3.12.2024.11.05.10-arm64").
const ARCHITECTURE_SUFFIX = /-(x86_64|arm64)$/;

/** The version a per-architecture release is stored under. */
export function versionWithArchitecture(tag: string, architecture: string | null): string {
  return architecture === null ? tag : `${tag}-${architecture}`;
}

export function tagOfVersion(version: string): string {
  return version.replace(ARCHITECTURE_SUFFIX, "");
}

export function architectureOfVersion(version: string): string | undefined {
  return ARCHITECTURE_SUFFIX.exec(version)?.[1];
}
