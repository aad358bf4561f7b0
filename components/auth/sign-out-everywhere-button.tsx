"use client";

/**
 * Signs every user out, then this browser as the ordinary sign-out does (ending the provider's
 * session too, or the next page would sign the administrator straight back in). A form, so it
 * works before the page is interactive; once it is, a confirmation comes first.
 */
export function SignOutEverywhereButton({ className = "" }: { className?: string }) {
  return (
    <form
      action="/auth/logout?everywhere=1"
      method="post"
      onSubmit={(event) => {
        if (!window.confirm("Sign every user out of ImageFleet, you included?")) event.preventDefault();
      }}
    >
      <button type="submit" className={className}>
        Sign out everywhere
      </button>
    </form>
  );
}
