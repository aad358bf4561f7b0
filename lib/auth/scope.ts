import type { AccountScope } from "@/lib/analysis/scope";
import type { Session } from "./user-session";

/** A signed-in user's scope: null (everything) unless their groups restrict them to accounts or teams. */
export function accountScope(session: Session): AccountScope {
  if (!session.accounts && !session.teams) return null;
  return { accounts: session.accounts ?? [], teams: session.teams ?? [] };
}
