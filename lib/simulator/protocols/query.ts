import { XMLBuilder } from "fast-xml-parser";
import type { AwsError } from "./errors";
import type { SimResponse } from "./http";

/** awsQuery (STS): form-encoded POST with `Action`, XML answers wrapped in `<Action>Response`. */
const builder = new XMLBuilder({ ignoreAttributes: false, format: false, suppressEmptyNode: false });

export function parseQueryBody(body: string): URLSearchParams {
  return new URLSearchParams(body);
}

export function queryResult(
  action: string,
  namespace: string,
  result: Record<string, unknown>,
  requestId: string,
): SimResponse {
  const document = {
    [`${action}Response`]: {
      "@_xmlns": namespace,
      [`${action}Result`]: result,
      ResponseMetadata: { RequestId: requestId },
    },
  };
  return xml(200, document);
}

export function queryError(namespace: string, error: AwsError, requestId: string): SimResponse {
  const document = {
    ErrorResponse: {
      "@_xmlns": namespace,
      Error: { Type: error.status >= 500 ? "Receiver" : "Sender", Code: error.code, Message: error.message },
      RequestId: requestId,
    },
  };
  return { ...xml(error.status, document), headers: { "content-type": "text/xml", ...error.extra.headers } };
}

function xml(status: number, document: Record<string, unknown>): SimResponse {
  return { status, headers: { "content-type": "text/xml" }, body: builder.build(document) as string };
}
