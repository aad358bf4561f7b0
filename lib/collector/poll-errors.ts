import { describeError } from "@/lib/aws/errors";
import type { PollErrorRecord } from "@/lib/db/writes/poll-runs";
import { log } from "@/lib/log";

/** An AWS error tagged with the API that failed, for call paths that use several APIs. */
export class FailedCall extends Error {
  constructor(
    readonly api: string,
    override readonly cause: unknown,
  ) {
    super((cause as Error)?.message ?? String(cause));
  }
}

/** The errors of one poll run: each names the API, the function when there is one, and AWS's code. */
export class PollErrors {
  readonly records: PollErrorRecord[] = [];

  constructor(private readonly unit: { accountId: string; region: string }) {}

  /** `subject` names what failed when it is not a function (an ECR repository, say). */
  record(api: string, error: unknown, functionName?: string, subject?: string): void {
    const described = describeError(error instanceof FailedCall ? error.cause : error);
    const code = described.code;
    const message = subject ? `${subject}: ${described.message}` : described.message;
    const record: PollErrorRecord = functionName ? { api, functionName, code, message } : { api, code, message };
    this.records.push(record);
    log.warn({ ...this.unit, ...record }, "poll error");
  }

  get count(): number {
    return this.records.length;
  }
}
