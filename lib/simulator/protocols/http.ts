/** The simulator's own request/response shapes, independent of node:http. */
export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | undefined>;
  body: string;
}

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function jsonResponse(
  status: number,
  payload: unknown,
  contentType = "application/json",
  headers: Record<string, string> = {},
): SimResponse {
  return { status, headers: { "content-type": contentType, ...headers }, body: JSON.stringify(payload) };
}
