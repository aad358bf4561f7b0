/** A form, not a link: signing out is a POST, so no link or image elsewhere can trigger it. */
export function SignOutButton({ label = "Sign out", className = "" }: { label?: string; className?: string }) {
  return (
    <form action="/auth/logout" method="post">
      <button type="submit" className={className}>
        {label}
      </button>
    </form>
  );
}
