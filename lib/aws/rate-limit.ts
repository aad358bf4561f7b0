/**
 * A token bucket that paces requests to one API quota. Callers reserve the next free slot and
 * wait for it, so concurrent callers never exceed the rate. The rate backs off when the service
 * throttles anyway (another client shares the quota, or the configured quota is too high) and
 * climbs back towards the configured rate on success — additive increase, multiplicative decrease.
 */
export class TokenBucket {
  private rate: number;
  /** Theoretical arrival time of the next request at the current rate (GCRA), in clock ms. */
  private nextAt = 0;

  constructor(
    readonly maxRate: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.rate = maxRate;
  }

  get currentRate(): number {
    return this.rate;
  }

  /** Milliseconds the caller must wait before sending; the slot is reserved on return. */
  reserve(): number {
    const now = this.clock();
    const interval = 1000 / this.rate;
    // One second of quota may go out at once, as AWS's own buckets allow.
    const tolerance = (Math.max(1, Math.floor(this.rate)) - 1) * interval;
    const arrival = Math.max(this.nextAt, now);
    this.nextAt = arrival + interval;
    return Math.max(0, arrival - tolerance - now);
  }

  async take(signal?: AbortSignal): Promise<void> {
    const wait = this.reserve();
    if (wait > 0) await sleep(wait, signal);
  }

  onThrottled(): void {
    this.rate = Math.max(this.maxRate / 64, this.rate / 2);
  }

  onSuccess(): void {
    this.rate = Math.min(this.maxRate, this.rate + this.maxRate / 32);
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
