// Who did it, as an alert's timeline records it: the signed-in user's name, or a fixed label for
// the anonymous loopback admin. Never a name a request supplies: anyone can type any name.
import type { Session } from "./user-session";

export const ANONYMOUS_SUB = "anonymous";
export const ANONYMOUS_ACTOR = "anonymous (loopback)";

/** The display name to record for an action done by this session's user. */
export function actorName(session: Session): string {
  return session.sub === ANONYMOUS_SUB ? ANONYMOUS_ACTOR : session.name;
}
