/** "<registry>/<repo>:<tag>" or "<registry>/<repo>@sha256:…" → the parts pages show. */
export function imageRef(uri: string | null): { repository: string; tag: string | null } | null {
  if (!uri) return null;
  const withoutDigest = uri.split("@")[0]!;
  const path = withoutDigest.includes("/") ? withoutDigest.slice(withoutDigest.indexOf("/") + 1) : withoutDigest;
  const colon = path.lastIndexOf(":");
  return colon === -1
    ? { repository: path, tag: null }
    : { repository: path.slice(0, colon), tag: path.slice(colon + 1) };
}
