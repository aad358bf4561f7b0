import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { World } from "./model/world";
import { AwsError, unknownOperation } from "./protocols/errors";
import type { SimRequest, SimResponse } from "./protocols/http";
import { type JsonRpcDialect, jsonRpcError, jsonRpcResult, parseJsonRpcBody } from "./protocols/json-rpc";
import { parseQueryBody, queryError, queryResult } from "./protocols/query";
import { restJsonError, restJsonResult } from "./protocols/rest-json";
import type { CallCounters, QuotaEnforcer } from "./quota";
import { getMetricData } from "./services/cloudwatch";
import type { CallContext, Operation } from "./services/context";
import { ecrOperations } from "./services/ecr";
import type { SessionStore } from "./services/identity";
import { routeLambda } from "./services/lambda";
import { createLogsOperations } from "./services/logs";
import { organizationsOperations } from "./services/organizations";
import { createStsOperations } from "./services/sts";

const MAX_BODY_BYTES = 8 * 1024 * 1024;
const STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

export interface ServerParts {
  world: World;
  quotas: QuotaEnforcer;
  counters: CallCounters;
  sessions: SessionStore;
  /** Answers `/_simulator/…` requests (ground truth and clock control). */
  groundTruth: (request: SimRequest) => SimResponse;
}

interface JsonService {
  service: string;
  dialect: JsonRpcDialect;
  operations: Record<string, Operation<Record<string, unknown>>>;
  throttled: (retryAfterSeconds: number) => AwsError;
}

const rateExceeded = (code: string) => () => new AwsError(code, "Rate exceeded");

/** The loopback HTTP server: recognises the service of each request and answers in its protocol. */
export function createSimulatorServer(parts: ServerParts): Server {
  const jsonServices: Record<string, JsonService> = {
    GraniteServiceVersion20100801: {
      service: "cloudwatch",
      dialect: { version: "1.0", queryCompatible: true },
      operations: { GetMetricData: getMetricData },
      throttled: rateExceeded("Throttling"),
    },
    Logs_20140328: {
      service: "logs",
      dialect: { version: "1.1" },
      operations: createLogsOperations(),
      throttled: rateExceeded("ThrottlingException"),
    },
    AmazonEC2ContainerRegistry_V20150921: {
      service: "ecr",
      dialect: { version: "1.1" },
      operations: ecrOperations,
      throttled: rateExceeded("ThrottlingException"),
    },
    AWSOrganizationsV20161128: {
      service: "organizations",
      dialect: { version: "1.1" },
      operations: organizationsOperations,
      throttled: () =>
        new AwsError(
          "TooManyRequestsException",
          "You have sent too many requests in too short a period of time. The quota helps protect against denial-of-service attacks. Try again later.",
        ),
    },
  };
  const stsOperations = createStsOperations(parts.sessions);

  const authenticate = (request: SimRequest): CallContext => {
    const scope = /Credential=([^/\s,]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(
      request.headers.authorization ?? "",
    );
    if (!scope) throw new AwsError("MissingAuthenticationTokenException", "Missing Authentication Token", 403);
    const [, accessKeyId = "", region = ""] = scope;
    const identity = parts.sessions.resolve(accessKeyId);
    if (!identity)
      throw new AwsError("UnrecognizedClientException", "The security token included in the request is invalid.", 403);
    return {
      accountId: identity.accountId,
      region,
      principalArn: identity.principalArn,
      userId: identity.userId,
      isHubPrincipal: identity.isHubPrincipal,
      requestId: randomUUID(),
      world: parts.world,
    };
  };

  const invoke = <Input>(
    service: string,
    name: string,
    operation: Operation<Input>,
    input: Input,
    context: CallContext,
    throttled: (seconds: number) => AwsError,
  ): unknown => {
    const wait = parts.quotas.take(context.accountId, context.region, operation.quota);
    if (wait !== undefined) {
      parts.counters.record(context.accountId, context.region, service, name, "throttled");
      throw throttled(wait);
    }
    try {
      const result = operation.handle(input, context);
      parts.counters.record(context.accountId, context.region, service, name, "ok");
      return result;
    } catch (error) {
      parts.counters.record(context.accountId, context.region, service, name, "error");
      throw error;
    }
  };

  const answerJson = (request: SimRequest, target: string): SimResponse => {
    const [prefix = "", name = ""] = target.split(".");
    const service = jsonServices[prefix];
    const dialect = service?.dialect ?? { version: "1.1" };
    const requestId = randomUUID();
    try {
      const operation = service?.operations[name];
      if (!service || !operation) throw unknownOperation(target);
      const context = authenticate(request);
      const result = invoke(
        service.service,
        name,
        operation,
        parseJsonRpcBody(request.body),
        context,
        service.throttled,
      );
      return jsonRpcResult(dialect, result, context.requestId);
    } catch (error) {
      return jsonRpcError(dialect, asAwsError(error), requestId);
    }
  };

  const answerLambda = (request: SimRequest): SimResponse => {
    const requestId = randomUUID();
    try {
      const route = routeLambda(request);
      const context = authenticate(request);
      const throttled = (seconds: number) =>
        new AwsError("TooManyRequestsException", "Rate exceeded", 429, {
          headers: { "Retry-After": String(Math.max(1, Math.ceil(seconds))) },
          fields: { Reason: "CallerRateLimitExceeded" },
        });
      return restJsonResult(
        invoke("lambda", route.name, route.operation, route.input, context, throttled),
        context.requestId,
      );
    } catch (error) {
      return restJsonError(asAwsError(error), requestId);
    }
  };

  const answerQuery = (request: SimRequest): SimResponse => {
    const params = parseQueryBody(request.body);
    const action = params.get("Action") ?? "";
    const requestId = randomUUID();
    try {
      const operation = stsOperations[action];
      if (!operation)
        throw new AwsError(
          "InvalidAction",
          `Could not find operation ${action} for version ${params.get("Version") ?? "NO_VERSION_SPECIFIED"}`,
        );
      const context = authenticate(request);
      const result = invoke("sts", action, operation, params, context, rateExceeded("Throttling"));
      return queryResult(action, STS_NAMESPACE, result as Record<string, unknown>, context.requestId);
    } catch (error) {
      return queryError(STS_NAMESPACE, asAwsError(error), requestId);
    }
  };

  const answer = (request: SimRequest): SimResponse => {
    if (request.path === "/_simulator" || request.path.startsWith("/_simulator/")) return parts.groundTruth(request);
    const target = request.headers["x-amz-target"];
    if (target) return answerJson(request, target);
    if (
      request.method === "POST" &&
      (request.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")
    )
      return answerQuery(request);
    if (/^\/\d{4}-\d{2}-\d{2}\//.test(request.path)) return answerLambda(request);
    return restJsonError(unknownOperation(`${request.method} ${request.path}`), randomUUID());
  };

  return createServer((incoming, outgoing) => {
    readRequest(incoming)
      .then((request) =>
        request
          ? answer(request)
          : restJsonError(
              new AwsError("RequestEntityTooLargeException", "Request must be smaller than 8388608 bytes.", 413),
              randomUUID(),
            ),
      )
      .catch((error: unknown) => restJsonError(asAwsError(error), randomUUID()))
      .then((response) => send(outgoing, response));
  });
}

/** Anything that is not already an AWS error becomes an opaque internal failure (no stack traces out). */
function asAwsError(error: unknown): AwsError {
  if (error instanceof AwsError) return error;
  console.error("[simulator] internal error:", error instanceof Error ? error.message : error);
  return new AwsError("ServiceException", "An internal error occurred.", 500);
}

async function readRequest(incoming: IncomingMessage): Promise<SimRequest | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  const url = new URL(incoming.url ?? "/", "http://simulator.local");
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(incoming.headers))
    headers[name] = Array.isArray(value) ? value.join(",") : value;
  return {
    method: incoming.method ?? "GET",
    path: url.pathname,
    query: url.searchParams,
    headers,
    body: Buffer.concat(chunks).toString("utf8"),
  };
}

function send(outgoing: ServerResponse, response: SimResponse): void {
  if (outgoing.headersSent) return;
  outgoing.writeHead(response.status, { ...response.headers, "content-length": Buffer.byteLength(response.body) });
  outgoing.end(response.body);
}
