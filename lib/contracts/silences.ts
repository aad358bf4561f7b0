import type { SilenceMatchers } from "@/lib/analysis/alerts/silence";

export type SilenceStatus = "active" | "pending" | "expired" | "lifted";

export interface SilenceListItem {
  id: string;
  matchers: SilenceMatchers;
  startsAt: string;
  endsAt: string;
  note: string;
  createdBy: string;
  liftedAt: string | null;
  liftedBy: string | null;
  status: SilenceStatus;
  /** Active alerts it silences now. */
  silencing: number;
}

export interface SilenceList {
  silences: SilenceListItem[];
}
