import type { FleetFacets } from "@/lib/contracts/fleet";
import "server-only";
import type { AccountScope } from "@/lib/analysis/scope";
import { type Db, db as defaultDb } from "../client";
import { scopedAccounts, scopeWhere } from "./scope";

export async function fleetFacets(options: { db?: Db; scope?: AccountScope } = {}): Promise<FleetFacets> {
  const db = options.db ?? defaultDb;
  const scope = options.scope ?? null;
  const [accounts, regions, teams] = await Promise.all([
    db.account.findMany({
      where: scopedAccounts(scope),
      select: { id: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    db.function.findMany({
      distinct: ["region"],
      where: scopeWhere(scope),
      select: { region: true },
      orderBy: { region: "asc" },
    }),
    db.function.findMany({
      distinct: ["team"],
      where: { team: { not: null }, ...scopeWhere(scope) },
      select: { team: true },
      orderBy: { team: "asc" },
    }),
  ]);
  return {
    accounts,
    regions: regions.map((r) => r.region),
    teams: teams.flatMap((t) => (t.team === null ? [] : [t.team])),
  };
}
