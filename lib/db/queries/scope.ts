import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { AccountScope } from "@/lib/analysis/scope";

// A restricted user sees what lies in one of their accounts or is owned by one of their teams.
// Function and Alert rows both carry accountId and team, so one condition serves both.

/** Prisma `where` fragment for a Function or Alert; empty when unrestricted. */
export function scopeWhere(scope: AccountScope): { OR?: { accountId?: { in: string[] }; team?: { in: string[] } }[] } {
  if (!scope) return {};
  return { OR: [{ accountId: { in: scope.accounts } }, { team: { in: scope.teams } }] };
}

/** The same as SQL on a table aliased `alias`; none when unrestricted, never-true when both lists are empty. */
export function scopeConditions(scope: AccountScope, alias = "f"): Prisma.Sql[] {
  if (!scope) return [];
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const either: Prisma.Sql[] = [];
  if (scope.accounts.length) either.push(Prisma.sql`${column("accountId")} IN (${Prisma.join(scope.accounts)})`);
  if (scope.teams.length) either.push(Prisma.sql`${column("team")} IN (${Prisma.join(scope.teams)})`);
  return [either.length ? Prisma.sql`(${Prisma.join(either, " OR ")})` : Prisma.sql`1 = 0`];
}

/** Accounts a restricted user may see: theirs, and those holding a function of one of their teams. */
export function scopedAccounts(scope: AccountScope): Prisma.AccountWhereInput {
  if (!scope) return {};
  return { OR: [{ id: { in: scope.accounts } }, { functions: { some: { team: { in: scope.teams } } } }] };
}
