"use client";

import { useEffect, useState } from "react";
import { formatDateTime } from "./format";

function age(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 90) return `${seconds} s ago`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86_400)} d ago`;
}

/** "4 min ago", kept current; the exact UTC time on hover. */
export function RelativeTime({ iso, fallback = "never" }: { iso: string | null; fallback?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  if (!iso) return <span>{fallback}</span>;
  return (
    // Server and browser clocks differ by the render delay: the text may change on hydration.
    <time dateTime={iso} title={formatDateTime(iso)} suppressHydrationWarning>
      {age(iso, now)}
    </time>
  );
}
