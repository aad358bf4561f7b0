// Where to go after signing in: only a path on this site, never another origin (an open
// redirect would let a phishing link borrow our sign-in). Anything doubtful becomes "/".
const PLACEHOLDER_ORIGIN = "http://imagefleet.invalid";

export function safeReturnTo(value: string | null | undefined): string {
  // "//host" is protocol-relative, browsers read "\" as "/", and control characters hide tricks.
  if (!value?.startsWith("/") || value.startsWith("//") || /[\p{Cc}\\]/u.test(value)) return "/";
  const url = new URL(value, PLACEHOLDER_ORIGIN);
  if (url.origin !== PLACEHOLDER_ORIGIN || url.pathname.startsWith("/auth/")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
