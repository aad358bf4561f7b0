/** What we record about a failed AWS call: the service's error code and message. */
export interface AwsErrorInfo {
  code: string;
  message: string;
}

interface SdkLikeError {
  name?: string;
  message?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: { throttling?: boolean };
}

const THROTTLE_CODES = new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "LimitExceededException",
]);

export function errorCode(error: unknown): string {
  const e = error as SdkLikeError | null;
  return e?.Code ?? e?.name ?? "Error";
}

export function describeError(error: unknown): AwsErrorInfo {
  const e = error as SdkLikeError | null;
  return { code: errorCode(error), message: (e?.message ?? String(error)).slice(0, 500) };
}

export function isThrottle(error: unknown): boolean {
  const e = error as SdkLikeError | null;
  return (
    e?.$metadata?.httpStatusCode === 429 || THROTTLE_CODES.has(errorCode(error)) || e?.$retryable?.throttling === true
  );
}

export function hasCode(error: unknown, ...codes: string[]): boolean {
  return codes.includes(errorCode(error));
}
