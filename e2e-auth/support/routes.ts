// Every page and API route of the app, found on disk so new ones are covered without edits,
// with dynamic segments filled in. The sign-in routes and the health check are left out: they
// stay open by design.
import fs from "node:fs";
import path from "node:path";

const OPEN = [/^\/auth(\/|$)/, /^\/api\/health$/];

function routesUnder(dir: string, file: "page.tsx" | "route.ts"): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((entry) => path.basename(entry) === file)
    .map((entry) =>
      `/${path.dirname(entry)}`
        .split(path.sep)
        .join("/")
        .replace(/\/\([^)]+\)/g, "")
        .replace(/\[+\.*([^\]]+)\]+/g, "sample-$1")
        .replace(/^\/\.$/, "/")
        // a page in a route group at the top, e.g. app/(overview)/page.tsx, is the root
        .replace(/^$/, "/"),
    )
    .filter((route) => !OPEN.some((open) => open.test(route)))
    .sort();
}

export const pageRoutes = () => routesUnder("app", "page.tsx");
export const apiRoutes = () => routesUnder("app", "route.ts").filter((route) => route.startsWith("/api/"));
