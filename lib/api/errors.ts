// The one error vocabulary of the route handlers: every failure answers
// { error: { code, message, fields? } } with a fitting status, never a stack trace.
import { NextResponse } from "next/server";
import { z } from "zod";
import { log } from "@/lib/log";

export type ApiErrorCode = "bad_request" | "not_found" | "unauthorized" | "forbidden" | "unavailable" | "internal";

const STATUS: Record<ApiErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  unavailable: 503,
  internal: 500,
};

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError("not_found", `${what} not found`);

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof z.ZodError) {
    const fields = Object.fromEntries(error.issues.map((i) => [i.path.join(".") || "(query)", i.message]));
    const message = `Invalid ${Object.keys(fields).join(", ")}: ${Object.values(fields).join("; ")}`;
    return NextResponse.json({ error: { code: "bad_request", message, fields } }, { status: 400 });
  }
  if (error instanceof ApiError) {
    const body = { error: { code: error.code, message: error.message, fields: error.fields } };
    return NextResponse.json(body, { status: STATUS[error.code] });
  }
  log.error({ err: error }, "unhandled error in route handler");
  return NextResponse.json({ error: { code: "internal", message: "Internal error" } }, { status: 500 });
}

/** Wraps a route handler so thrown errors become the shared error answer. */
/**
 * Answers depend on who asks (scope, role): no shared cache may keep one, and none may hand one
 * user's answer to another.
 */
export function markPrivate<R extends Response>(response: R): R {
  response.headers.set("cache-control", "no-store");
  response.headers.append("vary", "Cookie");
  return response;
}

export function route<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return markPrivate(await handler(...args));
    } catch (error) {
      return markPrivate(errorResponse(error));
    }
  };
}

/** Parses URLSearchParams with a zod object schema (400 naming the field on failure). */
export function parseQuery<S extends z.ZodType>(schema: S, params: URLSearchParams): z.infer<S> {
  // Own properties, whatever their names: assigning `entries["__proto__"]` would set the
  // prototype (or do nothing) instead, and the unknown parameter would pass unseen.
  const entries = Object.fromEntries(
    [...new Set(params.keys())].map((key) => {
      const values = params.getAll(key);
      return [key, values.length > 1 ? values : (values[0] as string)];
    }),
  );
  return schema.parse(entries);
}
