import { AuthNotice, authActionClass } from "@/components/auth/auth-notice";

export const metadata = { title: "Signed out" };

// Plain links to /auth/login: it answers with a redirect to the identity provider, not a page.
export default function SignedOutPage() {
  return (
    <AuthNotice label="Signed out" title="You are signed out of ImageFleet">
      <a href="/auth/login" className={authActionClass}>
        Sign in
      </a>
    </AuthNotice>
  );
}
