import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Counts the HTTP requests (attempts, retries included: that is what quotas meter) and throttled
 * answers of one poll run. Calls are attributed to the run through async context, because clients
 * are shared: a cross-account ECR client serves every unit whose images live in that registry.
 */
export class ApiMeter {
  readonly calls: Record<string, number> = {};
  throttles = 0;

  /** `onCall` hears of every request: a sign that the poll is making progress. */
  constructor(private readonly onCall?: () => void) {}

  record(api: string, throttled: boolean): void {
    this.calls[api] = (this.calls[api] ?? 0) + 1;
    if (throttled) this.throttles += 1;
    this.onCall?.();
  }

  total(): number {
    return Object.values(this.calls).reduce((sum, n) => sum + n, 0);
  }
}

const current = new AsyncLocalStorage<ApiMeter>();

export function withMeter<T>(meter: ApiMeter, run: () => Promise<T>): Promise<T> {
  return current.run(meter, run);
}

export function currentMeter(): ApiMeter | undefined {
  return current.getStore();
}
