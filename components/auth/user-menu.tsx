import { maySignOutEveryone } from "@/lib/auth/actor";
import { currentSession } from "@/lib/auth/session";
import { SignOutButton } from "./sign-out-button";
import { SignOutEverywhereButton } from "./sign-out-everywhere-button";

const ACTION_CLASS =
  "rounded px-2 py-1 font-medium text-zinc-600 hover:bg-zinc-200/50 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800/60 dark:hover:text-white";

/**
 * Who is signed in, with their role and a sign-out button (and, for administrators without a
 * restriction, "sign out everywhere"); nothing when sign-in is off.
 */
export async function UserMenu() {
  const session = await currentSession();
  if (!session) return null;
  return (
    <div className="ml-auto flex items-center gap-3 text-sm">
      <span className="text-zinc-700 dark:text-zinc-300" title={session.email}>
        {session.name}
      </span>
      <span className="rounded bg-zinc-200/70 px-1.5 py-0.5 text-xs font-medium text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">
        {session.role}
      </span>
      {maySignOutEveryone(session) && <SignOutEverywhereButton className={ACTION_CLASS} />}
      <SignOutButton className={ACTION_CLASS} />
    </div>
  );
}
