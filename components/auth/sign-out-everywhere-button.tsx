"use client";

import { useRef, useState } from "react";

/**
 * Ends every session (DELETE /api/auth/sessions), then signs this browser out through the
 * ordinary sign-out form, which also ends the provider's session: otherwise the next page would
 * sign the administrator straight back in.
 */
export function SignOutEverywhereButton({ className = "" }: { className?: string }) {
  const form = useRef<HTMLFormElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function signOutEverywhere() {
    if (!window.confirm("Sign every user out of ImageFleet, you included?")) return;
    const response = await fetch("/api/auth/sessions", { method: "DELETE" }).catch(() => null);
    if (!response?.ok) {
      setProblem("Could not sign everyone out; try again.");
      return;
    }
    form.current?.submit();
  }

  return (
    <form ref={form} action="/auth/logout" method="post" className="flex items-center gap-2">
      <button type="button" onClick={signOutEverywhere} className={className}>
        Sign out everywhere
      </button>
      {problem && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {problem}
        </span>
      )}
    </form>
  );
}
