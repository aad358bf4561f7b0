import { AwsError } from "./errors";
import { jsonResponse, type SimResponse } from "./http";

/** awsJson1_0 / awsJson1_1: POST /, X-Amz-Target `<Service>.<Operation>`, JSON in and out. */
export interface JsonRpcDialect {
  version: "1.0" | "1.1";
  /** CloudWatch's JSON protocol keeps its query-protocol error codes in `x-amzn-query-error`. */
  queryCompatible?: boolean;
}

export function parseJsonRpcBody(body: string): Record<string, unknown> {
  if (body.trim() === "") return {};
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through to the protocol's error
  }
  throw new AwsError("SerializationException", "Start of structure or map found where not expected.");
}

export function jsonRpcResult(dialect: JsonRpcDialect, result: unknown, requestId: string): SimResponse {
  return jsonResponse(200, result ?? {}, `application/x-amz-json-${dialect.version}`, {
    "x-amzn-requestid": requestId,
  });
}

export function jsonRpcError(dialect: JsonRpcDialect, error: AwsError, requestId: string): SimResponse {
  const headers: Record<string, string> = { "x-amzn-requestid": requestId, ...error.extra.headers };
  if (dialect.queryCompatible)
    headers["x-amzn-query-error"] = `${error.code};${error.status >= 500 ? "Receiver" : "Sender"}`;
  return jsonResponse(
    error.status,
    { __type: error.code, message: error.message, ...error.extra.fields },
    `application/x-amz-json-${dialect.version}`,
    headers,
  );
}
