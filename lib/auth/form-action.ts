// Signing out posts a form to /auth/logout, which redirects to the provider's end-session
// endpoint; browsers apply the CSP form-action directive to that redirect too, so the provider's
// origin must be allowed there.
export function allowFormTarget(csp: string, origin: string): string {
  return csp
    .split("; ")
    .map((directive) => (directive.startsWith("form-action ") ? `${directive} ${origin}` : directive))
    .join("; ");
}
