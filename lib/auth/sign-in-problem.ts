// Why a sign-in did not end in a session; the sign-in error page explains each.
export const SIGN_IN_PROBLEMS = ["forbidden", "expired", "failed"] as const;
export type SignInProblem = (typeof SIGN_IN_PROBLEMS)[number];

/** A sign-in that cannot complete (the user is not at fault for "failed"; the log has the details). */
export class SignInError extends Error {
  constructor(
    readonly problem: Exclude<SignInProblem, "forbidden">,
    message: string,
  ) {
    super(message);
  }
}

export const signInProblemUri = (origin: URL, problem: SignInProblem) =>
  new URL(`/auth/error?reason=${problem}`, origin);

/** The access-denied page answers 403; proxy.ts sets it, since an App Router page cannot. */
export function signInPageStatus(url: URL): number {
  return url.pathname === "/auth/error" && url.searchParams.get("reason") === "forbidden" ? 403 : 200;
}
