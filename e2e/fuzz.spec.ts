// Fuzzing every route handler and page with malformed and hostile values: every query parameter
// (read from the views' zod schemas, so a new parameter is fuzzed without touching this file),
// every path segment, request bodies, methods and origins. Whatever comes in, nothing answers
// 5xx, nothing leaks a stack trace or a server path, API errors keep the shared shape, input
// reflected in HTML is escaped, and the database answers normally afterwards.

import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext, type APIResponse, expect, test } from "@playwright/test";
import { z } from "zod";
import { alertsView } from "@/lib/alerts/view";
import type { AlertList } from "@/lib/contracts/alerts";
import type { FunctionRow } from "@/lib/contracts/functions";
import { FUNCTION_SORTS } from "@/lib/contracts/functions-query";
import { reportScopeView } from "@/lib/reports/url-state";
import { fleetView } from "@/lib/url-state/fleet-view";
import { functionView } from "@/lib/url-state/function-view";
import { functionsView } from "@/lib/url-state/functions-view";
import { pollJson, waitForFirstCollection } from "./support/collection";

// ---------------------------------------------------------------------------------------------
// The routes: one entry per app/**/route.ts and app/**/page.tsx, named the way the file system
// names them (route groups dropped). The first test fails when a file has no entry here.

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
/** A view's URL state: its API schema names the parameters its routes and pages read. */
interface View {
  schemas: { api: z.ZodType };
}
interface Route {
  route: string;
  kind: "api" | "page" | "auth";
  methods: Method[];
  /** The view whose parameters the route reads. */
  view?: View;
  /** Or the parameters it reads, without a view (sign-in routes). */
  params?: readonly string[];
  /** A successful answer is CSV rather than JSON. */
  csv?: boolean;
  /** How a POST handler treats its body: validated JSON, or not read at all. */
  body?: "json" | "ignored";
}

const api = (route: string, view?: View, extra: Partial<Route> = {}): Route => ({
  route,
  kind: "api",
  methods: ["GET"],
  view,
  ...extra,
});
const page = (route: string, view?: View, extra: Partial<Route> = {}): Route => ({
  route,
  kind: "page",
  methods: ["GET"],
  view,
  ...extra,
});
const auth = (route: string, params: string[], methods: Method[] = ["GET"]): Route => ({
  route,
  kind: "auth",
  methods,
  params,
});

const ROUTES: Route[] = [
  api("/api/[...path]", undefined, { methods: ["GET", "POST", "PUT", "PATCH", "DELETE"] }),
  api("/api/accounts"),
  api("/api/alerts", alertsView),
  api("/api/alerts/[id]"),
  api("/api/alerts/[id]/acknowledge", undefined, { methods: ["POST"], body: "json" }),
  api("/api/alerts/[id]/silence", undefined, { methods: ["POST"], body: "json" }),
  api("/api/alerts/acknowledge", undefined, { methods: ["POST"], body: "json" }),
  api("/api/alerts/counts"),
  api("/api/alerts/groups", alertsView),
  api("/api/alerts/silences", undefined, { methods: ["GET", "POST"], body: "json" }),
  api("/api/alerts/silences/[id]/lift", undefined, { methods: ["POST"], body: "ignored" }),
  api("/api/auth/check-admin", undefined, { methods: ["POST"], body: "ignored" }),
  api("/api/auth/session"),
  // Sign-in is off in this pass: the anonymous administrator is told there are no sessions (400).
  api("/api/auth/sessions", undefined, { methods: ["DELETE"], body: "ignored" }),
  api("/api/fleet/cold-starts", fleetView),
  api("/api/fleet/facets"),
  api("/api/fleet/idle-threshold"),
  api("/api/fleet/lifecycle", fleetView),
  api("/api/fleet/summary"),
  api("/api/fleet/top", fleetView),
  api("/api/functions", functionsView),
  api("/api/functions.csv", functionsView, { csv: true }),
  api("/api/functions/[account]/[region]/[name]", functionView),
  api("/api/health"),
  // `.json` answers JSON and `.csv` CSV: both come through the [file] segment.
  api("/api/reports/[file]", reportScopeView),
  // POST recomputes the week's reports; it takes no parameters and refuses any before working.
  api("/api/reports", reportScopeView, { methods: ["GET", "POST"], body: "ignored" }),
  auth("/auth/callback", ["code", "state", "iss", "error", "error_description"]),
  auth("/auth/login", ["returnTo"]),
  auth("/auth/logout", [], ["POST"]),
  page("/", fleetView),
  page("/accounts"),
  page("/alerts", alertsView),
  page("/alerts/[id]"),
  page("/alerts/silences"),
  page("/auth/error", undefined, { params: ["reason"] }),
  page("/auth/signed-out"),
  page("/functions", functionsView),
  page("/functions/[account]/[region]/[name]", functionView),
  page("/reports", reportScopeView),
  page("/reports/[week]", reportScopeView),
];

/** The view's query fields, by parameter name. */
const fieldsOf = (view: View) => (view.schemas.api as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
const paramsOf = (route: Route) => (route.view ? Object.keys(fieldsOf(route.view)) : (route.params ?? []));
const SEGMENT = /\[(?:\.\.\.)?(\w+)\]/g;
const segmentsOf = (route: Route) => [...route.route.matchAll(SEGMENT)].map((m) => m[1] as string);

/** Every route the app defines, from its files: `app/alerts/(list)/page.tsx` is `/alerts`. */
function routesOnDisk(): string[] {
  return fs
    .readdirSync("app", { recursive: true, encoding: "utf8" })
    .filter((file) => /(^|\/)(route\.ts|page\.tsx)$/.test(file))
    .map((file) => {
      const segments = path
        .dirname(file)
        .split(path.sep)
        .filter((s) => s !== "." && !/^\(.*\)$/.test(s));
      return `/${segments.join("/")}`;
    })
    .sort();
}

// ---------------------------------------------------------------------------------------------
// The values.

const LONG = "x".repeat(10_000);
const SCRIPT = "<script>alert(1)</script>";
const IMG = '"><img src=x onerror=alert(1)>';

/** Sent as values, URL-encoded: the server sees exactly these strings. */
const HOSTILE: readonly string[] = [
  "",
  " ",
  LONG,
  "é中文",
  "\u202Egnp.exe\u200F שלום", // right-to-left override, Hebrew
  "😀👩‍👩‍👧🏳️‍🌈",
  "\u0000",
  "\u0001\u001b[31m\u007f",
  "\r\nSet-Cookie: x=1",
  "%zz",
  "%00",
  "' OR 1=1 --",
  '"; DROP TABLE "Function";--',
  "%_\\",
  "../../etc/passwd",
  SCRIPT,
  IMG,
  "-1",
  "1.5",
  "1e309",
  "NaN",
  "9999999999999999999999",
  "0x10",
  "0b1",
  "1e3",
  " 7 ",
  "null",
  "__proto__",
  "2026-W99",
  "0000-W00",
  "2026-02-30T00:00:00Z",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "not-a-known-value",
];

/**
 * One value or two of each kind: the numeric forms that parsers may read differently, markup,
 * text the databases may choke on, overflows. For parameters that take one of a few words, and
 * for the routes that share a view's schema with another (see valuesFor).
 */
const SAMPLE: readonly string[] = [
  "",
  " 7 ",
  LONG,
  "\u202Egnp.exe\u200F שלום",
  "😀👩‍👩‍👧🏳️‍🌈",
  "\u0000",
  "%zz",
  "%_\\",
  "' OR 1=1 --",
  SCRIPT,
  IMG,
  "-1",
  "1.5",
  "1e309",
  "NaN",
  "0x10",
  "0b1",
  "1e3",
  "__proto__",
  "9999-12-31T23:59:59Z",
  "not-a-known-value",
];

/** Parameter names beyond the declared ones. */
const HOSTILE_KEYS: readonly string[] = [
  "__proto__",
  "constructor",
  "hasOwnProperty",
  "a[b]",
  "x".repeat(2_000),
  SCRIPT,
];

const MANY_PARAMS = `${"a=1&".repeat(1_000)}a=1`;
/** Query strings appended as they are: percent-encoding garbage the URL parser passes through. */
const RAW_QUERIES: readonly string[] = [
  "%",
  "%zz",
  "%=%",
  "&&&",
  "%00=%00",
  "%E0%A4%A",
  "%C0%AF",
  "q=%ED%A0%80", // a lone surrogate
  "__proto__[polluted]=1",
  "constructor[prototype][polluted]=1",
  MANY_PARAMS,
  `%25${"%".repeat(3_000)}`,
];

/** The few a page (each renders it in full) and a route without parameters get. */
const FEW_RAW_QUERIES: readonly string[] = ["%zz", "%E0%A4%A", "q=%ED%A0%80", "__proto__[polluted]=1", MANY_PARAMS];

/** Segment values sent unencoded (the others go through encodeURIComponent). */
const RAW_SEGMENTS: readonly string[] = [
  "%",
  "%zz",
  "%00",
  "%2e%2e",
  "..%2f..%2fetc%2fpasswd",
  "%C0%AF",
  "%FF",
  "%ED%A0%80",
  "%E2%80%AE",
  ";",
];

const iso = (ms: number) => new Date(ms).toISOString();
const NOW = Date.now();
const DAY = 86_400_000;

/** Windows that pass validation (or nearly) at the edges of what dates and the databases hold. */
const TIME_WINDOWS: readonly string[] = [
  "from=0000-01-01T00:00:00Z&to=0000-01-02T00:00:00Z",
  "from=0001-01-01T00:00:00Z&to=0001-12-31T00:00:00Z",
  "from=9999-12-30T00:00:00Z&to=9999-12-31T23:59:59Z",
  "from=1970-01-01T00:00:00Z&to=1970-01-01T00:00:01Z",
  "from=2026-01-01T00:00:00%2B14:00&to=2026-01-01T00:00:00-12:00",
  `from=${iso(NOW - 455 * DAY)}&to=${iso(NOW)}`,
  `from=${iso(NOW - 456 * DAY)}&to=${iso(NOW)}`,
  `from=${iso(NOW)}&to=${iso(NOW)}`,
  `from=${iso(NOW)}&to=${iso(NOW - DAY)}`,
  `from=${iso(NOW)}`,
  `to=${iso(NOW)}`,
  `range=30d&from=${iso(NOW - 2 * DAY)}&to=${iso(NOW + 30 * DAY)}`,
];
const TABLE_EDGES: readonly string[] = [
  "page=1000000&pageSize=500",
  "idleMin=3650&deleted=only",
  "idleMin=0&deleted=include",
  ...FUNCTION_SORTS.map((sort) => `sort=${sort}&dir=desc&deleted=include&range=30d`),
];
const ALERT_EDGES: readonly string[] = ["state=all&page=1000000&pageSize=500", "state=resolved&pageSize=1"];

/** Well-formed values, for repeated parameters (`?p=good&p=hostile`). */
const VALID: Record<string, string> = {
  range: "24h",
  from: iso(NOW - DAY),
  to: iso(NOW),
  packageType: "Image",
  state: "Active",
  architecture: "arm64",
  deleted: "include",
  idleMin: "3",
  q: "a",
  sort: "memory",
  dir: "desc",
  page: "2",
  pageSize: "10",
  severity: "critical",
  team: "payments",
  reason: "expired",
  returnTo: "/functions",
};

/** Bodies for the POST handlers that read JSON. */
const HOSTILE_BODIES: readonly string[] = [
  "{",
  "nul",
  "'",
  "\u0000",
  "{'by':'x'}",
  '{"by":"x",}',
  "[]",
  '"string"',
  "1",
  "1e309",
  "null",
  "true",
  '{"by":1}',
  '{"by":["a"]}',
  '{"by":{"$ne":null}}',
  '{"by":""}',
  '{"by":"a\\u0000b"}',
  `{"by":"${LONG}x"}`,
  '{"until":"2026-W99"}',
  '{"until":"9999-12-31T23:59:59Z"}',
  '{"until":"1970-01-01T00:00:00Z"}',
  '{"until":1e309}',
  '{"until":-1}',
  '{"until":"2026-02-30T00:00:00Z"}',
  '{"until":null,"extra":1}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  `{"until":"${SCRIPT}"}`,
  `[${"[".repeat(5_000)}${"]".repeat(5_000)}]`,
  "x".repeat(1_000_000),
];

// ---------------------------------------------------------------------------------------------
// Sending and judging.

/** Real values for the path segments, read from the running app. */
const known: Record<string, string> = { path: "no/such/endpoint" };
let origin = "";
let functionsBefore = 0;

interface Probe {
  label: string;
  route: Route;
  url: string;
  method?: string;
  body?: string;
  headers?: Record<string, string>;
}

const LEAKS: [string, RegExp][] = [
  ["a stack trace", /\n\s+at .+\(.*:\d+:\d+\)/],
  ["a stack frame", /\bat (async )?[\w.<>]+ \((file:\/\/|\/)/],
  ["a server path", /\/work\//],
  ["node_modules", /node_modules/],
  ["a source file", /\.tsx?:\d/],
];
/** In HTML also: markup from the request, and server errors. */
const HTML_LEAKS: [string, RegExp][] = [
  ["an unescaped <script>", /<script>alert\(1\)<\/script>/i],
  ["an unescaped <img onerror>", /<img src=x onerror=/i],
  ["the error page", /This page could not be loaded/],
  // Once a page has started streaming (a loading.tsx above it) a server error no longer changes
  // the status: it travels in the RSC payload as an error row with a numeric digest.
  ["a server error streamed into the page", /:E\{\\?"digest\\?":\\?"\d+/],
];
const ERROR_CODES: Record<number, string> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
};

async function send(request: APIRequestContext, probe: Probe): Promise<APIResponse> {
  // The e2e server's rate limit is set high enough (playwright.config.ts) that it never stands
  // between the fuzzer and the handlers: X-Forwarded-For from an untrusted peer counts for nothing.
  const options = {
    method: probe.method ?? "GET",
    data: probe.body,
    headers: probe.headers,
    maxRedirects: 0,
    failOnStatusCode: false,
    timeout: 30_000,
  };
  try {
    return await request.fetch(probe.url, options);
  } catch {
    // A kept-alive connection the server was closing as the request went out: once more, on a new one.
    return request.fetch(probe.url, { ...options, headers: { ...options.headers, Connection: "close" } });
  }
}

/** Sends a probe; says what is wrong with the answer, or null. */
async function judge(request: APIRequestContext, probe: Probe): Promise<string | null> {
  let response: APIResponse;
  try {
    response = await send(request, probe);
  } catch (error) {
    return `no answer: ${(error as Error).message.split("\n")[0]}`;
  }
  const status = response.status();
  const body = await response.text();
  const type = response.headers()["content-type"] ?? "";
  if (status >= 500) return `${status}: ${body.slice(0, 200)}`;
  if (status === 429) return "429: rate limited, the handler was never reached";
  const leaks = type.startsWith("text/html") ? [...LEAKS, ...HTML_LEAKS] : LEAKS;
  for (const [what, pattern] of leaks) {
    if (pattern.test(body)) return `${status} with ${what}: ${excerpt(body, pattern)}`;
  }
  // Next.js answers 405 (empty) for a method a route does not export and 431 for a URL too long
  // for a request head; it redirects `/a//b` and `/a/%2e%2e/b` to their normal form.
  if (status === 405 || status === 431) return null;
  if (status >= 300 && status < 400) {
    const location = response.headers().location ?? "";
    if (new URL(location, origin).origin !== origin)
      return `${status}: redirects off-site to ${location.slice(0, 120)}`;
    if (probe.route.kind === "auth" || status === 308) return null;
    return `${status}: an unexpected redirect to ${location.slice(0, 120)}`;
  }
  // `/api/%2e%2e` is `/`: where a dot segment leads out of /api, a page answers.
  const kind =
    probe.route.kind === "api" && !new URL(probe.url, origin).pathname.startsWith("/api/") ? "page" : probe.route.kind;
  switch (kind) {
    case "api": {
      if (probe.method === "HEAD") return null; // no body to have a shape
      if (status >= 400) return errorShapeProblem(status, type, body);
      const expected = probe.route.csv || /\.csv(\?|$)/.test(probe.url) ? "text/csv" : "application/json";
      return status === 204 || type.startsWith(expected) ? null : `${status} as ${type}, expected ${expected}`;
    }
    case "auth":
      // Sign-in is off in this pass: every sign-in route sends the browser on (the error page aside).
      return `${status}: expected a redirect`;
    case "page":
      // The page, its notice about invalid parameters, a not-found page, or a refused malformed URL.
      if (![200, 400, 403, 404].includes(status)) return `${status}: expected 200, 400 or 404`;
      return status === 400 || type.startsWith("text/html") ? null : `${status} as ${type}`;
  }
}

function errorShapeProblem(status: number, type: string, body: string): string | null {
  if (!type.startsWith("application/json")) return `${status} as ${type}: ${body.slice(0, 120)}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `${status}: not JSON: ${body.slice(0, 120)}`;
  }
  const error = (parsed as { error?: { code?: unknown; message?: unknown } }).error;
  if (typeof error?.code !== "string" || typeof error.message !== "string") {
    return `${status}: not { error: { code, message } }: ${body.slice(0, 120)}`;
  }
  if (ERROR_CODES[status] === undefined) return `${status}: unexpected status (${error.code})`;
  return ERROR_CODES[status] === error.code ? null : `${status} with code ${error.code}`;
}

function excerpt(body: string, pattern: RegExp): string {
  const at = body.search(pattern);
  return JSON.stringify(body.slice(Math.max(0, at - 60), at + 100));
}

/** Runs the probes a few at a time; fails once, listing every problem found. */
async function fuzz(request: APIRequestContext, probes: Probe[], concurrency = 6): Promise<void> {
  const problems: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < probes.length) {
      const probe = probes[next++]!;
      const problem = await judge(request, probe);
      if (problem) problems.push(`${probe.method ?? "GET"} ${probe.label}: ${problem}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  test.info().annotations.push({ type: "probes", description: String(probes.length) });
  expect(problems.slice(0, 40), `${problems.length} of ${probes.length} probes went wrong`).toEqual([]);
}

/** The route's path with the known value in every segment, or `value` (sent as is) in `only`. */
function pathOf(route: string, only?: string, value?: string): string {
  return route.replace(SEGMENT, (_, segment: string) =>
    segment === only ? (value as string) : encodeURIComponent(known[segment] as string).replaceAll("%2F", "/"),
  );
}

const short = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}…` : value);

/** Refused values every route still gets for each parameter. */
const REFUSED: readonly string[] = ["", LONG, SCRIPT];

/**
 * The values one parameter of a route is fuzzed with. The routes of a view (its API routes and its
 * pages) parse with one schema, so a value the schema refuses takes the same path on each: the
 * first API route of the view gets every value, the others those of the sample that get through
 * to their own code, and a few refused ones. A parameter that takes one of a few words gets the
 * sample in place of every value.
 */
function valuesFor(route: Route, param: string): readonly string[] {
  if (!route.view) return param === "returnTo" ? HOSTILE : SAMPLE;
  const view = route.view;
  const field = fieldsOf(view)[param] as z.ZodType;
  let inner = field;
  while ("innerType" in inner._zod.def) inner = (inner._zod.def as { innerType: z.ZodType }).innerType;
  const values = inner instanceof z.ZodEnum ? SAMPLE : HOSTILE;
  if (route === ROUTES.find((r) => r.kind === "api" && r.view === view)) return values;
  return SAMPLE.filter((value) => field.safeParse(value).success || REFUSED.includes(value));
}

/** Query-string probes: each parameter (declared or not) with hostile values, repeated, raw. */
function queryProbes(
  route: Route,
  method: string = route.methods.includes("GET") ? "GET" : route.methods[0]!,
): Probe[] {
  const base = pathOf(route.route);
  const params = paramsOf(route);
  const probes: Probe[] = [];
  // The alert actions ignore the query: a body they refuse keeps the probes from changing an alert.
  const write = route.body === "json" ? { body: '{"fuzz":1}', headers: { "content-type": "application/json" } } : {};
  const add = (query: string, label: string) =>
    probes.push({ route, url: `${base}?${query}`, method, label: `${route.route}?${label}`, ...write });
  const encoded = (...pairs: [string, string][]) => new URLSearchParams(pairs).toString();
  const page = route.kind === "page";
  for (const param of params) {
    for (const value of valuesFor(route, param)) add(encoded([param, value]), `${param}=${short(value)}`);
    // Repeated: the API refuses arrays; a page reads the first value.
    const good = VALID[param] ?? "1";
    add(encoded([param, "0b1"], [param, good]), `${param}=0b1&${param}=${good}`);
    if (!page) add(encoded([param, good], [param, SCRIPT]), `${param}=${good}&${param}=<script>`);
    add(param, `${param} (no value)`);
  }
  // Pages ignore unknown parameters (and render in full for each), other routes share one check:
  // a few are enough there.
  const few = page || !route.view;
  for (const key of few ? [HOSTILE_KEYS[0] as string, SCRIPT] : HOSTILE_KEYS) {
    add(encoded([key, SCRIPT]), `${short(key)}=<script>`);
  }
  for (const query of few ? FEW_RAW_QUERIES : RAW_QUERIES) add(query, `${short(query)} (raw)`);
  // Valid but extreme: the API runs each against the database; a page, those its parsers read.
  const edges = [
    ...(params.includes("from") ? (page ? TIME_WINDOWS.slice(0, 5) : TIME_WINDOWS) : []),
    ...(params.includes("sort") && !page ? TABLE_EDGES : []),
    ...(params.includes("severity") && !page ? ALERT_EDGES : []),
  ];
  for (const edge of edges) add(edge, short(edge));
  return probes;
}

/** Path probes: each segment of the route with each hostile value. */
function segmentProbes(route: Route): Probe[] {
  const method = route.methods[0] ?? "GET";
  const write =
    method === "POST" ? { body: "{}", headers: { Origin: origin, "content-type": "application/json" } } : {};
  const probes: Probe[] = [];
  for (const segment of segmentsOf(route)) {
    // A page reads its segments with the schema of its API route: the sample is enough there.
    const values: [string, string][] = [
      ...(route.kind === "page" ? SAMPLE : HOSTILE).map((v): [string, string] => [encodeURIComponent(v), short(v)]),
      ...RAW_SEGMENTS.map((v): [string, string] => [v, `${short(v)} (raw)`]),
    ];
    // Report files: each value as a week, and week-ish names with other endings.
    if (segment === "file") {
      for (const v of HOSTILE) values.push([`${encodeURIComponent(v)}.json`, `${short(v)}.json`]);
      for (const v of RAW_SEGMENTS) values.push([`${v}.csv`, `${short(v)}.csv (raw)`]);
      for (const week of ["2026-W99", "0000-W00", "0000-W01", "9999-W52", "1999-W01", known.week as string]) {
        for (const ending of [".csv", ".xml", ".json.csv", ".JSON", ".json%00", ".json/", "..json"]) {
          values.push([`${week}${ending}`, `${week}${ending}`]);
        }
      }
    }
    // A catch-all takes any number of segments.
    if (segment === "path") values.push(["a/b/c/d/e/f/g/h", "8 segments"], [`${"a/".repeat(500)}a`, "501 segments"]);
    for (const [value, label] of values) {
      probes.push({
        route,
        url: pathOf(route.route, segment, value),
        method,
        label: `${route.route} [${segment}]=${label}`,
        ...write,
      });
    }
  }
  return probes;
}

const withSegments = (kind: Route["kind"]) => ROUTES.filter((r) => r.kind === kind && segmentsOf(r).length > 0);

test.beforeAll(async ({ request, baseURL }) => {
  test.setTimeout(300_000);
  origin = new URL(baseURL as string).origin;
  await waitForFirstCollection(request);
  // The first cycle records functions account by account: wait for the first.
  let functions: { rows: FunctionRow[]; total: number } = { rows: [], total: 0 };
  await expect
    .poll(
      async () => {
        functions = await pollJson(request, "/api/functions?pageSize=1");
        return functions.rows.length;
      },
      { message: "waiting for a function (GET /api/functions)", timeout: 120_000, intervals: [1000, 2000, 5000] },
    )
    .toBeGreaterThan(0);
  const fn = functions.rows[0]!;
  functionsBefore = functions.total;
  Object.assign(known, { account: fn.accountId, region: fn.region, name: fn.name });
  // Alerts come once the first whole cycle is done (its load would also slow every probe down).
  await expect
    .poll(
      async () => {
        known.id = (await pollJson<AlertList>(request, "/api/alerts?state=all&pageSize=1")).alerts[0]?.id ?? "";
        return known.id;
      },
      { message: "waiting for an alert (GET /api/alerts)", timeout: 180_000, intervals: [1000, 2000, 5000] },
    )
    .not.toBe("");
  const reports = await pollJson<{ reports: { week: string }[] }>(request, "/api/reports");
  known.week = reports.reports[0]?.week ?? "2026-W01";
  known.file = `${known.week}.json`;
});

test("every route handler and page of the app is in the fuzz list", () => {
  expect(ROUTES.map((r) => r.route).sort()).toEqual(routesOnDisk());
});

test("API query parameters: hostile values, unknown and repeated parameters, raw garbage", async ({ request }) => {
  test.setTimeout(120_000);
  const routes = ROUTES.filter((r) => r.kind === "api");
  // POST /api/reports refuses any parameter before it recomputes anything.
  const reports = routes.find((r) => r.route === "/api/reports")!;
  await fuzz(request, [
    ...routes.flatMap((r) => queryProbes(r)),
    ...queryProbes(reports, "POST").filter((p) => p.url.includes("=")),
  ]);
});

test("API path segments: hostile values in every segment", async ({ request }) => {
  test.setTimeout(120_000);
  await fuzz(request, withSegments("api").flatMap(segmentProbes));
});

test("API writes: hostile bodies, other methods, foreign origins", async ({ request }) => {
  test.setTimeout(120_000);
  const probes: Probe[] = [];
  const sameOrigin = { Origin: origin, "content-type": "application/json" };
  for (const route of ROUTES.filter((r) => r.kind === "api" && r.body === "json")) {
    // A real alert's id and an unknown one: the body is validated before the alert is looked up.
    for (const id of [known.id as string, "no-such-alert"]) {
      const url = route.route.replace("[id]", encodeURIComponent(id));
      const which = id === known.id ? "real" : "unknown";
      for (const body of HOSTILE_BODIES) {
        probes.push({
          route,
          url,
          method: "POST",
          body,
          headers: sameOrigin,
          label: `${route.route} (${which} id) ${short(body)}`,
        });
      }
      for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
        const headers = { ...sameOrigin, "content-type": type };
        probes.push({ route, url, method: "POST", body: "by=x&until=y", headers, label: `${route.route} as ${type}` });
      }
    }
  }
  // Handlers that do not read their body: a hostile one each, twice.
  for (const route of ROUTES.filter((r) => r.kind === "api" && r.body === "ignored")) {
    for (const body of ["{", "x".repeat(100_000)]) {
      probes.push({
        route,
        url: route.route,
        method: "POST",
        body,
        headers: sameOrigin,
        label: `${route.route} ${short(body)}`,
      });
    }
  }
  // Every API route with the methods it does not export.
  for (const route of ROUTES.filter((r) => r.kind === "api")) {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"]) {
      if (route.methods.includes(method as Method)) continue;
      const body = method === "GET" || method === "HEAD" ? undefined : "{}";
      probes.push({
        route,
        url: pathOf(route.route),
        method,
        body,
        headers: sameOrigin,
        label: `${route.route} as ${method}`,
      });
    }
  }
  await fuzz(request, probes);

  // Writes from anywhere but our own origin are refused, whatever the Origin header holds.
  const foreignOrigins = [
    "null",
    "%zz",
    "https://attacker.example",
    `${origin}.attacker.example`,
    "http://127.0.0.1",
    "file://",
    SCRIPT,
    LONG,
  ];
  const accepted: string[] = [];
  for (const route of ROUTES.filter((r) => r.methods.includes("POST"))) {
    await Promise.all(
      foreignOrigins.map(async (value) => {
        const headers = { Origin: value, "content-type": "application/json" };
        const response = await send(request, {
          route,
          url: pathOf(route.route),
          method: "POST",
          body: "{}",
          headers,
          label: "",
        });
        if (response.status() !== 403)
          accepted.push(`${route.route} from Origin ${short(value)}: ${response.status()}`);
      }),
    );
  }
  expect(accepted, "cross-site writes that were not refused").toEqual([]);
});

test("page query strings: hostile values, unknown and repeated parameters, raw garbage", async ({ request }) => {
  test.setTimeout(120_000);
  await fuzz(
    request,
    ROUTES.filter((r) => r.kind === "page").flatMap((r) => queryProbes(r)),
    4,
  );
});

test("page path segments: hostile values are not found, never an error", async ({ request }) => {
  test.setTimeout(120_000);
  await fuzz(request, withSegments("page").flatMap(segmentProbes), 4);
  // Spot checks: the not-found page, with its status.
  for (const url of [
    "/functions/123/eu-west-1/%3Cscript%3E",
    `/alerts/${encodeURIComponent(SCRIPT)}`,
    "/reports/2026-W99",
  ]) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(404);
    expect(await response.text(), url).toMatch(/Nothing here|No report for this week/);
  }
});

test("sign-in routes: hostile parameters neither fail nor redirect off-site", async ({ request }) => {
  test.setTimeout(60_000);
  const routes = ROUTES.filter((r) => r.kind === "auth");
  const probes = routes
    .flatMap((r) => queryProbes(r))
    .map((p) => (p.method === "POST" ? { ...p, headers: { Origin: origin } } : p));
  const login = routes.find((r) => r.route === "/auth/login")!;
  for (const target of [
    "//attacker.example",
    "/\\attacker.example",
    "https://attacker.example",
    "/%2F%2Fattacker.example",
    "/\tattacker",
    "/auth/login",
    "javascript:alert(1)",
  ]) {
    probes.push({
      route: login,
      url: `/auth/login?returnTo=${encodeURIComponent(target)}`,
      label: `returnTo=${target}`,
    });
  }
  await fuzz(request, probes);
});

test("in the browser, hostile parameters are shown as text and run nothing", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const response = await page.goto(`/functions?team=${encodeURIComponent(" ")}&page=${encodeURIComponent(SCRIPT)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("alert").filter({ hasText: "parameters ImageFleet cannot use" })).toBeVisible();
  // A search for markup is a search like any other.
  await page.goto(`/functions?q=${encodeURIComponent(IMG)}`);
  await expect(page.getByRole("searchbox")).toHaveValue(IMG);
  await page.goto(`/alerts/${encodeURIComponent(IMG)}`);
  await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  expect(dialogs).toEqual([]);
});

test("a name sent with an acknowledgement is refused; the anonymous actor is recorded, escaped in HTML", async ({
  request,
}) => {
  test.setTimeout(240_000);
  // An open alert to acknowledge; alerts come after the first whole collection cycle.
  let id: string | undefined;
  await expect
    .poll(
      async () => {
        id = (await pollJson<AlertList>(request, "/api/alerts?state=open&pageSize=1")).alerts[0]?.id;
        return id !== undefined;
      },
      { message: "waiting for an open alert", timeout: 180_000, intervals: [1000, 2000, 5000] },
    )
    .toBe(true);
  // Who acknowledged is the session's user, never a name from the request (anyone can type one);
  // the note is the caller's text, stored and shown as text.
  const note = `${SCRIPT}${IMG}\u202E שלום`;
  const post = (body: unknown) =>
    request.post(`/api/alerts/${id}/acknowledge`, {
      data: JSON.stringify(body),
      headers: { Origin: origin, "content-type": "application/json" },
    });
  const named = await post({ by: note });
  expect(named.status()).toBe(400);
  expect((await named.json()).error.message).toContain("by");
  const acknowledged = await post({ note });
  expect(acknowledged.status()).toBe(200);
  expect((await acknowledged.json()).acknowledgedBy).toBe("anonymous (loopback)");
  expect((await acknowledged.json()).timeline.at(-1)).toMatchObject({ kind: "acknowledged", note });
  expect((await (await request.get(`/api/alerts/${id}`)).json()).timeline.at(-1).note).toBe(note);
  for (const url of [`/alerts/${id}`, "/alerts?state=all"]) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    const html = await response.text();
    expect(html, url).not.toContain(SCRIPT);
    expect(html, url).not.toMatch(/<img src=x onerror=/);
  }
});

test("after the fuzzing the database answers normally: nothing was dropped", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect((await health.json()).status).toBe("ok");
  const functions = await pollJson<{ rows: FunctionRow[]; total: number }>(request, "/api/functions?pageSize=5");
  expect(functions.rows.length).toBeGreaterThan(0);
  // The demo fleet changes a little between cycles; a dropped or emptied table would not.
  expect(functions.total).toBeGreaterThan(functionsBefore * 0.8);
  const name = encodeURIComponent(known.name as string);
  expect((await request.get(`/api/functions/${known.account}/${known.region}/${name}`)).status()).toBe(200);
  for (const url of ["/api/alerts?state=all", "/api/accounts", "/api/fleet/summary", "/api/reports", "/functions"]) {
    expect((await request.get(url)).status(), url).toBe(200);
  }
});
