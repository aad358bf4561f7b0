/** An error answered the way the service would: code, message, HTTP status, extra fields/headers. */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly extra: { fields?: Record<string, unknown>; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }
}

export const unknownOperation = (operation: string, status = 400): AwsError =>
  new AwsError("UnknownOperationException", `Unknown operation ${operation}`, status);
