// From the provider's claims to what the user may do here: a role from group membership, and
// the accounts/teams restriction of the groups that carry one.
import { z } from "zod";
import type { OidcSettings } from "./settings";
import type { SessionClaims } from "./user-session";

const identityClaims = z.object({
  sub: z.string().min(1),
  name: z.string().optional(),
  preferred_username: z.string().optional(),
  email: z.string().optional(),
});

// Providers send groups as a list, some as one string when there is only one.
const groupsClaim = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((groups) => (groups === undefined ? [] : [groups].flat()));

const union = (lists: (string[] | undefined)[]) => [...new Set(lists.flatMap((list) => list ?? []))].sort();

/** The session claims for this identity, or null when none of its groups may use ImageFleet. */
export function accessFor(claims: Record<string, unknown>, oidc: OidcSettings): SessionClaims | null {
  const identity = identityClaims.parse(claims);
  const groups = new Set(groupsClaim.parse(claims[oidc.groupsClaim]));
  const isAdmin = oidc.adminGroups.some((group) => groups.has(group));
  const isViewer = !oidc.viewerGroups || oidc.viewerGroups.some((group) => groups.has(group));
  if (!isAdmin && !isViewer) return null;

  const restrictions = oidc.restrictions.filter((restriction) => groups.has(restriction.group));
  return {
    sub: identity.sub,
    name: identity.name ?? identity.preferred_username ?? identity.email ?? identity.sub,
    email: identity.email,
    role: isAdmin ? "admin" : "viewer",
    ...(restrictions.length && {
      accounts: union(restrictions.map((r) => r.accounts)),
      teams: union(restrictions.map((r) => r.teams)),
    }),
  };
}
