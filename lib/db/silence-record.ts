// A Silence row's matchers are JSON; a row that no longer parses matches nothing.
import { z } from "zod";
import type { Silence } from "@/generated/prisma/client";
import type { SilenceWindow } from "@/lib/analysis/alerts/silence";
import { parseJsonColumn } from "./queries/json-column";

const matchersSchema = z
  .object({
    rule: z.string(),
    team: z.string(),
    accountId: z.string(),
    region: z.string(),
    environment: z.string(),
    functionPattern: z.string(),
    groupKey: z.string(),
  })
  .partial()
  .catch({});

export function silenceWindow(row: Silence): SilenceWindow {
  return {
    id: row.id,
    matchers: parseJsonColumn(matchersSchema, row.matchers),
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    liftedAt: row.liftedAt,
  };
}
