/**
 * What a user may see. null: everything. Otherwise only functions (and their alerts) in one of
 * `accounts` OR owned by one of `teams` (the owner tag, config reports.ownerTagKey); either list may be empty.
 */
export type AccountScope = { accounts: string[]; teams: string[] } | null;

/** Whether a user with this scope may see a function or alert of this account and team. */
export function inScope(scope: AccountScope, row: { accountId: string; team: string | null }): boolean {
  if (!scope) return true;
  return scope.accounts.includes(row.accountId) || (row.team !== null && scope.teams.includes(row.team));
}

/** Reports cover the whole fleet or one team: a restricted user reads those of their teams only. */
export function mayReadReport(scope: AccountScope, team: string | null): boolean {
  return !scope || (team !== null && scope.teams.includes(team));
}
