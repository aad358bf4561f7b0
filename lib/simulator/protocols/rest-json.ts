import type { AwsError } from "./errors";
import { jsonResponse, type SimResponse } from "./http";

/** restJson1 (Lambda): resources in the path, error code in `x-amzn-errortype`. */
export function restJsonResult(result: unknown, requestId: string): SimResponse {
  return jsonResponse(200, result, "application/json", { "x-amzn-requestid": requestId });
}

export function restJsonError(error: AwsError, requestId: string): SimResponse {
  return jsonResponse(
    error.status,
    {
      Type: error.status >= 500 ? "Service" : "User",
      Message: error.message,
      message: error.message,
      ...error.extra.fields,
    },
    "application/json",
    { "x-amzn-requestid": requestId, "x-amzn-errortype": error.code, ...error.extra.headers },
  );
}
