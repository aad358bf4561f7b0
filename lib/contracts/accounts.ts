/** A poll error as the accounts page shows it (the latest few of a run). */
export interface PollError {
  api?: string;
  functionName?: string;
  code?: string;
  message?: string;
}

export interface PollSummary {
  id: string;
  status: string;
  trigger: string;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  functionsSeen: number;
  statesRead: number;
  calls: Record<string, number>;
  throttles: number;
  errorCount: number;
  errors: PollError[];
}

export interface AccountRegionStatus {
  region: string;
  lastPoll: PollSummary | null;
  lastSuccessAt: string | null;
  /** Functions currently known there (not deleted). */
  functions: number;
}

export interface AccountStatus {
  id: string;
  name: string;
  source: string;
  roleArn: string | null;
  /** The last sts:AssumeRole failure; null once assuming works again. */
  assumeError: string | null;
  assumeErrorAt: string | null;
  regions: AccountRegionStatus[];
}
