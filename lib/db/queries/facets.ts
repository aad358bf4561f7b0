import "server-only";
import { type Db, db as defaultDb } from "../client";

/** The values the filters offer: what the fleet actually holds. */
export interface FleetFacets {
  accounts: { id: string; name: string }[];
  regions: string[];
  teams: string[];
}

export async function fleetFacets(options: { db?: Db } = {}): Promise<FleetFacets> {
  const db = options.db ?? defaultDb;
  const [accounts, regions, teams] = await Promise.all([
    db.account.findMany({ select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    db.function.findMany({ distinct: ["region"], select: { region: true }, orderBy: { region: "asc" } }),
    db.function.findMany({
      distinct: ["team"],
      where: { team: { not: null } },
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
