// Per-client token bucket for the JSON API, in process memory: enough to stop a runaway script
// from starving the database; a shared limit across web replicas belongs in the load balancer.
export interface RateLimiter {
  take(key: string, now?: number): { allowed: boolean; retryAfterSeconds: number };
}

export function createRateLimiter(perMinute: number, burst = perMinute): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = perMinute / 60_000;
  return {
    take(key, now = Date.now()) {
      const bucket = buckets.get(key) ?? { tokens: burst, at: now };
      bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * refillPerMs);
      bucket.at = now;
      buckets.set(key, bucket);
      if (buckets.size > 10_000) buckets.delete(buckets.keys().next().value as string);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true, retryAfterSeconds: 0 };
      }
      return { allowed: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / refillPerMs / 1000) };
    },
  };
}
