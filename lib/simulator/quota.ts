/** A per-second request quota shared by one or more operations (AWS applies them per account × region). */
export interface Quota {
  name: string;
  perSecond: number;
}

interface Bucket {
  tokens: number;
  refilledAt: number;
}

/**
 * Token buckets per account × region × quota, refilled in real time (quotas limit request
 * rates, which the simulated clock does not change). Capacity is one second's worth.
 */
export class QuotaEnforcer {
  private readonly buckets = new Map<string, Bucket>();
  private readonly enabled: boolean;

  constructor(
    private readonly scale: number,
    private readonly realNow: () => number = () => performance.now(),
  ) {
    this.enabled = scale > 0 && Number.isFinite(scale);
  }

  /** Takes a token; returns undefined when allowed, or the seconds until one is available. */
  take(accountId: string, region: string, quota: Quota): number | undefined {
    if (!this.enabled) return undefined;
    const rate = Math.max(quota.perSecond * this.scale, 0.01);
    const capacity = Math.max(1, rate);
    const key = `${accountId}/${region}/${quota.name}`;
    const now = this.realNow();
    const bucket = this.buckets.get(key) ?? { tokens: capacity, refilledAt: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.refilledAt) / 1000) * rate);
    bucket.refilledAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return (1 - bucket.tokens) / rate;
  }
}

export interface CallCount {
  accountId: string;
  region: string;
  service: string;
  operation: string;
  calls: number;
  throttled: number;
  errors: number;
}

export type CallOutcome = "ok" | "throttled" | "error";

/** Counts every answered call by account, region, service and operation. */
export class CallCounters {
  private readonly counts = new Map<string, CallCount>();

  record(accountId: string, region: string, service: string, operation: string, outcome: CallOutcome): void {
    const key = `${accountId}/${region}/${service}/${operation}`;
    const count = this.counts.get(key) ?? { accountId, region, service, operation, calls: 0, throttled: 0, errors: 0 };
    count.calls++;
    if (outcome === "throttled") count.throttled++;
    if (outcome === "error") count.errors++;
    this.counts.set(key, count);
  }

  snapshot(): CallCount[] {
    return [...this.counts.values()].map((count) => ({ ...count }));
  }

  reset(): void {
    this.counts.clear();
  }
}
