import type { SimulatedClock } from "./model/clock";
import { jsonResponse, type SimRequest, type SimResponse } from "./protocols/http";
import type { Truth } from "./truth";

/**
 * Ground truth over HTTP, outside the AWS APIs: `GET /_simulator` lists the routes. Times in
 * query strings are ISO 8601 or epoch milliseconds; answers are JSON with ISO dates.
 */
export function createGroundTruthHandler(truth: Truth, clock: SimulatedClock): (request: SimRequest) => SimResponse {
  const routes: {
    method: string;
    pattern: RegExp;
    describe: string;
    answer: (match: string[], request: SimRequest) => unknown;
  }[] = [
    {
      method: "GET",
      pattern: /^\/_simulator\/?$/,
      describe: "this index",
      answer: () => ({ routes: routes.map((route) => route.describe) }),
    },
    {
      method: "GET",
      pattern: /^\/_simulator\/clock$/,
      describe: "GET /_simulator/clock",
      answer: () => ({
        now: truth.now(),
        speed: clock.speed,
        startTime: truth.startTime,
        historyStart: truth.historyStart,
        idleThresholdDays: truth.idleThresholdDays,
      }),
    },
    {
      method: "POST",
      pattern: /^\/_simulator\/clock$/,
      describe: 'POST /_simulator/clock {"set": time} | {"advanceMs": n}',
      answer: (_match, request) => {
        const body = JSON.parse(request.body || "{}") as { set?: string | number; advanceMs?: number };
        if (body.set !== undefined) clock.set(parseTime(String(body.set), "set"));
        if (body.advanceMs !== undefined) clock.advance(Number(body.advanceMs));
        return { now: truth.now() };
      },
    },
    {
      method: "GET",
      pattern: /^\/_simulator\/accounts$/,
      describe: "GET /_simulator/accounts",
      answer: () => ({ accounts: truth.accounts(), regions: truth.regions() }),
    },
    {
      method: "GET",
      pattern: /^\/_simulator\/functions$/,
      describe: "GET /_simulator/functions?accountId&region&packageType&withState&offset&limit",
      answer: (_match, { query }) => {
        const all = truth.functions({
          accountId: query.get("accountId") ?? undefined,
          region: query.get("region") ?? undefined,
          packageType: (query.get("packageType") as "Image" | "Zip" | null) ?? undefined,
        });
        const offset = Number(query.get("offset") ?? 0);
        const limit = Number(query.get("limit") ?? 1000);
        const page = all.slice(offset, offset + limit);
        return {
          total: all.length,
          functions: query.get("withState") === "true" ? page.map((fn) => truth.function(fn.arn)) : page,
        };
      },
    },
    {
      method: "GET",
      pattern: /^\/_simulator\/functions\/([^/]+)$/,
      describe: "GET /_simulator/functions/{arn|name}",
      answer: ([ref]) => truth.function(ref ?? "") ?? notFound(ref),
    },
    {
      method: "GET",
      pattern: /^\/_simulator\/functions\/([^/]+)\/states$/,
      describe: "GET /_simulator/functions/{ref}/states?from&to",
      answer: ([ref], { query }) => ({
        intervals: truth.stateIntervals(ref ?? "", optionalTime(query, "from"), optionalTime(query, "to")),
      }),
    },
    {
      method: "GET",
      pattern: /^\/_simulator\/functions\/([^/]+)\/transitions$/,
      describe: "GET /_simulator/functions/{ref}/transitions?from&to",
      answer: ([ref], { query }) => ({
        transitions: truth.transitions(ref ?? "", optionalTime(query, "from"), optionalTime(query, "to")),
      }),
    },
    {
      method: "GET",
      pattern: /^\/_simulator\/functions\/([^/]+)\/activity$/,
      describe: "GET /_simulator/functions/{ref}/activity?from&to",
      answer: ([ref], { query }) => truth.activity(ref ?? "", requiredTime(query, "from"), requiredTime(query, "to")),
    },
    {
      method: "GET",
      pattern: /^\/_simulator\/functions\/([^/]+)\/cold-starts$/,
      describe: "GET /_simulator/functions/{ref}/cold-starts?from&to",
      answer: ([ref], { query }) => ({
        coldStarts: truth.coldStarts(ref ?? "", requiredTime(query, "from"), requiredTime(query, "to")),
      }),
    },
    {
      method: "GET",
      pattern: /^\/_simulator\/functions\/([^/]+)\/metrics$/,
      describe: "GET /_simulator/functions/{ref}/metrics?metric&stat&from&to&period",
      answer: ([ref], { query }) => ({
        datapoints: truth.metric(
          ref ?? "",
          query.get("metric") ?? "Invocations",
          query.get("stat") ?? "Sum",
          requiredTime(query, "from"),
          requiredTime(query, "to"),
          Number(query.get("period") ?? 3600),
        ),
      }),
    },
    {
      method: "GET",
      pattern: /^\/_simulator\/functions\/([^/]+)\/images$/,
      describe: "GET /_simulator/functions/{ref}/images",
      answer: ([ref]) => ({ images: truth.images(ref ?? "") }),
    },
    {
      method: "GET",
      pattern: /^\/_simulator\/functions\/([^/]+)\/image-safety$/,
      describe: "GET /_simulator/functions/{ref}/image-safety",
      answer: ([ref]) => truth.imageSafety(ref ?? ""),
    },
    {
      method: "GET",
      pattern: /^\/_simulator\/deleted-images$/,
      describe: "GET /_simulator/deleted-images",
      answer: () => ({ deletedImages: truth.deletedImages() }),
    },
    {
      method: "GET",
      pattern: /^\/_simulator\/base-images$/,
      describe: "GET /_simulator/base-images",
      answer: () => ({ runtimes: truth.baseImageCatalog() }),
    },
    {
      method: "GET",
      pattern: /^\/_simulator\/api-calls$/,
      describe: "GET /_simulator/api-calls",
      answer: () => ({ calls: truth.apiCalls() }),
    },
    {
      method: "DELETE",
      pattern: /^\/_simulator\/api-calls$/,
      describe: "DELETE /_simulator/api-calls (reset counters)",
      answer: () => {
        truth.resetApiCalls();
        return { calls: [] };
      },
    },
  ];

  return (request) => {
    const path = request.path;
    for (const route of routes) {
      const match = route.pattern.exec(path);
      if (!match || route.method !== request.method) continue;
      try {
        return jsonResponse(200, route.answer(match.slice(1).map(decodeURIComponent), request));
      } catch (error) {
        const status = error instanceof GroundTruthError ? error.status : 400;
        return jsonResponse(status, { error: error instanceof Error ? error.message : "bad request" });
      }
    }
    return jsonResponse(404, { error: `no ground-truth route ${request.method} ${path}; see GET /_simulator` });
  };
}

class GroundTruthError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function notFound(ref: string | undefined): never {
  throw new GroundTruthError(404, `no simulated function ${ref ?? ""}`);
}

function parseTime(text: string, name: string): number {
  const time = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (Number.isNaN(time)) throw new GroundTruthError(400, `${name} must be an ISO 8601 time or epoch milliseconds`);
  return time;
}

function optionalTime(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  return value === null ? undefined : parseTime(value, name);
}

function requiredTime(query: URLSearchParams, name: string): number {
  const value = optionalTime(query, name);
  if (value === undefined) throw new GroundTruthError(400, `${name} is required`);
  return value;
}
