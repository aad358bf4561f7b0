import Link from "next/link";
import { UserMenu } from "@/components/auth/user-menu";
import { NavLinks } from "./nav-links";

export function Header() {
  return (
    <header className="no-print sticky top-0 z-20 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/90">
      <div className="mx-auto flex h-12 max-w-[1600px] items-center gap-6 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            className="size-5 text-accent"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          >
            <rect x="3" y="3" width="7" height="7" rx="1.5" />
            <rect x="14" y="3" width="7" height="7" rx="1.5" />
            <rect x="3" y="14" width="7" height="7" rx="1.5" />
            <rect x="14" y="14" width="7" height="7" rx="1.5" opacity="0.4" />
          </svg>
          ImageFleet
        </Link>
        <NavLinks />
        <UserMenu />
      </div>
    </header>
  );
}
