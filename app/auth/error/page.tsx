import { z } from "zod";
import { AuthNotice, authActionClass } from "@/components/auth/auth-notice";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { SIGN_IN_PROBLEMS } from "@/lib/auth/sign-in-problem";

export const metadata = { title: "Sign-in" };

const searchSchema = z.object({ reason: z.enum(SIGN_IN_PROBLEMS).catch("failed") });

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<Record<string, unknown>> }) {
  const { reason } = searchSchema.parse(await searchParams);
  if (reason === "forbidden") {
    return (
      <AuthNotice label="403 · Access not granted" title="You are not allowed to use ImageFleet">
        <p>
          You signed in, but your account is in none of the groups that may use ImageFleet. Ask an administrator to add
          you to a viewer or admin group, then sign in again.
        </p>
        <SignOutButton label="Sign in as someone else" className={authActionClass} />
      </AuthNotice>
    );
  }
  return (
    <AuthNotice label="Sign-in" title="The sign-in did not complete">
      <p>
        {reason === "expired"
          ? "It took too long, or it was started in another tab or browser."
          : "The identity provider refused the sign-in or could not be reached. If this keeps happening, tell your administrator: the server log says why."}
      </p>
      <a href="/auth/login" className={authActionClass}>
        Sign in again
      </a>
    </AuthNotice>
  );
}
