// Where to go after signing in: only a path on this site, never another origin (an open
// redirect would let a phishing link borrow our sign-in). Anything doubtful becomes "/".
const PLACEHOLDER_ORIGIN = "http://imagefleet.invalid";

// Browsers read "\" as "/", and control characters hide tricks.
const SUSPICIOUS = /[\p{Cc}\\]/u;
// A dot segment left after decoding: something between us and the browser may still resolve it.
const DOT_SEGMENT = /\/\.\.?(\/|$)/;

function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/**
 * The path, query and fragment to send the user to. The check runs on the normalised URL (dot
 * segments resolved, as the browser will), and again on its path decoded once, as a proxy or
 * framework that decodes %2F or %5C would see it: neither may name another host.
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value?.startsWith("/") || SUSPICIOUS.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return "/";
  const decoded = decodedPath(url.pathname);
  if (
    decoded === null ||
    url.pathname.startsWith("//") ||
    decoded.startsWith("//") ||
    decoded.includes("\\") ||
    DOT_SEGMENT.test(decoded) ||
    decoded.startsWith("/auth/")
  ) {
    return "/";
  }
  return `${url.pathname}${url.search}${url.hash}`;
}
