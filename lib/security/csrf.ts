// State-changing requests must come from our own pages: browsers always send Origin on
// cross-site POSTs, so comparing it with the Host we serve is enough (same check as Next's
// server actions). Requests without Origin (curl, scripts) are not a CSRF vector.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSiteWrite(method: string, origin: string | null, host: string | null): boolean {
  if (SAFE_METHODS.has(method.toUpperCase()) || !origin) return false;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
