import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from "@smithy/types";

export interface RetryPolicy {
  /** Attempts for throttled calls: pacing (lib/aws/rate-limit.ts) makes them rare, so be patient. */
  throttledAttempts: number;
  /** Attempts for transient and server errors: an endpoint that keeps failing should fail fast. */
  transientAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  throttledAttempts: 10,
  transientAttempts: 3,
  baseDelayMs: 200,
  maxDelayMs: 20_000,
};

function token(retryCount: number, delayMs: number): RetryToken {
  return { getRetryCount: () => retryCount, getRetryDelay: () => delayMs };
}

/**
 * The SDK's standard strategy also keeps a client-wide retry budget that a throttling storm
 * drains within seconds, after which every call fails at once. Here throttles are paced by the
 * token buckets instead, so retries need no budget: exponential backoff with full jitter, never
 * sooner than the service's `Retry-After`.
 */
export function retryStrategy(policy: RetryPolicy = DEFAULT_RETRY_POLICY): RetryStrategyV2 {
  return {
    acquireInitialRetryToken: async () => token(0, 0),
    refreshRetryTokenForRetry: async (previous: RetryToken, info: RetryErrorInfo) => {
      const retries = previous.getRetryCount() + 1;
      const limit = info.errorType === "THROTTLING" ? policy.throttledAttempts : policy.transientAttempts;
      if (info.errorType === "CLIENT_ERROR" || retries >= limit) throw info.error ?? new Error("not retryable");
      const backoff = Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retries);
      const hinted = info.retryAfterHint ? info.retryAfterHint.getTime() - Date.now() : 0;
      return token(retries, Math.min(policy.maxDelayMs, Math.max(backoff, hinted)));
    },
    recordSuccess: () => {},
  };
}
