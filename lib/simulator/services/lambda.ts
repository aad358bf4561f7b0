import { z } from "zod";
import type { FunctionSpec } from "../model/fleet";
import { aliasesAt, imageHygiene, type PublishedVersion, publishedVersions } from "../model/image-hygiene";
import { AwsError, unknownOperation } from "../protocols/errors";
import type { SimRequest } from "../protocols/http";
import { validateInput } from "../protocols/validation";
import { type CallContext, decodeToken, encodeToken, type Operation } from "./context";
import { functionCode, functionConfiguration } from "./lambda-configuration";

/** Lambda (restJson1). State fields only through GetFunction/GetFunctionConfiguration, like AWS. */
const GET_FUNCTION_QUOTA = { name: "lambda:GetFunction", perSecond: 100 };
const CONTROL_PLANE_QUOTA = { name: "lambda:ControlPlane", perSecond: 15 };
const PAGE_SIZE = 50;

interface LambdaInput {
  functionName?: string;
  resource?: string;
  query: URLSearchParams;
}

const ListFunctionsQuery = z.object({
  MaxItems: z.coerce.number().int().min(1).max(10_000).optional(),
  Marker: z.string().optional(),
  FunctionVersion: z.enum(["ALL"]).optional(),
  MasterRegion: z.string().optional(),
});

const listFunctions: Operation<LambdaInput> = {
  quota: CONTROL_PLANE_QUOTA,
  handle({ query }, context) {
    const input = validateInput(ListFunctionsQuery, Object.fromEntries(query), "InvalidParameterValueException");
    const now = context.world.now();
    const functions = context.world.functionsIn(context.accountId, context.region, now);
    let startIndex = 0;
    if (input.Marker !== undefined) {
      const after = decodeToken(input.Marker)?.after;
      if (typeof after !== "string") throw new AwsError("InvalidParameterValueException", "Invalid marker.");
      startIndex = functions.findIndex((fn) => fn.name > after);
      if (startIndex < 0) startIndex = functions.length;
    }
    const page = functions.slice(startIndex, startIndex + Math.min(PAGE_SIZE, input.MaxItems ?? PAGE_SIZE));
    const last = page[page.length - 1];
    const more = startIndex + page.length < functions.length;
    return {
      Functions: page.map((fn) => functionConfiguration(context.world, fn, now, false)),
      ...(more && last ? { NextMarker: encodeToken({ after: last.name }) } : {}),
    };
  },
};

const getFunction: Operation<LambdaInput> = {
  quota: GET_FUNCTION_QUOTA,
  handle(input, context) {
    const qualifier = input.query.get("Qualifier");
    const fn = requireFunction(input.functionName ?? "", context, "GetFunction");
    const now = context.world.now();
    const version = qualifiedVersion(fn, qualifier, context);
    const tags = fn.tags;
    return {
      Configuration: functionConfiguration(context.world, fn, now, true, version),
      Code: functionCode(context.world, fn, now, version?.deploy),
      ...(Object.keys(tags).length > 0 ? { Tags: tags } : {}),
    };
  },
};

const getFunctionConfiguration: Operation<LambdaInput> = {
  quota: CONTROL_PLANE_QUOTA,
  handle(input, context) {
    const qualifier = input.query.get("Qualifier");
    const fn = requireFunction(input.functionName ?? "", context, "GetFunctionConfiguration");
    const version = qualifiedVersion(fn, qualifier, context);
    return functionConfiguration(context.world, fn, context.world.now(), true, version);
  },
};

const PagingQuery = z.object({
  MaxItems: z.coerce.number().int().min(1).max(10_000).optional(),
  Marker: z.string().optional(),
  FunctionVersion: z.string().optional(),
});

/** Versions of a function that publishes them (with `$LATEST` first, like Lambda), oldest first. */
function versionsOf(fn: FunctionSpec, context: CallContext): PublishedVersion[] {
  if (!imageHygiene(fn).versions) return [];
  return publishedVersions(context.world.deploysOf(fn), context.world.now());
}

function page<T>(items: readonly T[], input: z.output<typeof PagingQuery>): { items: T[]; NextMarker?: string } {
  let offset = 0;
  if (input.Marker !== undefined) {
    const value = decodeToken(input.Marker)?.offset;
    if (typeof value !== "number") throw new AwsError("InvalidParameterValueException", "Invalid marker.");
    offset = value;
  }
  const size = Math.min(PAGE_SIZE, input.MaxItems ?? PAGE_SIZE);
  return {
    items: items.slice(offset, offset + size),
    ...(offset + size < items.length ? { NextMarker: encodeToken({ offset: offset + size }) } : {}),
  };
}

const listVersionsByFunction: Operation<LambdaInput> = {
  quota: CONTROL_PLANE_QUOTA,
  handle(input, context) {
    const query = validateInput(PagingQuery, Object.fromEntries(input.query), "InvalidParameterValueException");
    const fn = requireFunction(input.functionName ?? "", context, "ListVersionsByFunction");
    const now = context.world.now();
    const configurations = [
      functionConfiguration(context.world, fn, now, false),
      ...versionsOf(fn, context).map((version) => functionConfiguration(context.world, fn, now, false, version)),
    ];
    const { items, NextMarker } = page(configurations, query);
    return { Versions: items, ...(NextMarker ? { NextMarker } : {}) };
  },
};

const listAliases: Operation<LambdaInput> = {
  quota: CONTROL_PLANE_QUOTA,
  handle(input, context) {
    const query = validateInput(PagingQuery, Object.fromEntries(input.query), "InvalidParameterValueException");
    const fn = requireFunction(input.functionName ?? "", context, "ListAliases");
    const aliases = aliasesAt(imageHygiene(fn), versionsOf(fn, context))
      .filter(
        (alias) =>
          query.FunctionVersion === undefined ||
          alias.version === query.FunctionVersion ||
          query.FunctionVersion in alias.additional,
      )
      .map((alias) => ({
        AliasArn: `${fn.arn}:${alias.name}`,
        Name: alias.name,
        FunctionVersion: alias.version,
        Description: "",
        ...(Object.keys(alias.additional).length > 0
          ? { RoutingConfig: { AdditionalVersionWeights: alias.additional } }
          : {}),
        RevisionId: `${fn.key}-${alias.version}`,
      }));
    const { items, NextMarker } = page(aliases, query);
    return { Aliases: items, ...(NextMarker ? { NextMarker } : {}) };
  },
};

/** A numbered version from GetFunction's `Qualifier`; undefined for `$LATEST`. Aliases resolve to their version. */
function qualifiedVersion(
  fn: FunctionSpec,
  qualifier: string | null,
  context: CallContext,
): PublishedVersion | undefined {
  if (qualifier === null || qualifier === "$LATEST") return undefined;
  const versions = versionsOf(fn, context);
  const alias = aliasesAt(imageHygiene(fn), versions).find((a) => a.name === qualifier);
  const version = versions.find((v) => v.version === (alias?.version ?? qualifier));
  if (!version) throw new AwsError("ResourceNotFoundException", `Function not found: ${fn.arn}:${qualifier}`, 404);
  return version;
}

const listTags: Operation<LambdaInput> = {
  quota: CONTROL_PLANE_QUOTA,
  handle(input, context) {
    const resource = input.resource ?? "";
    if (!resource.startsWith("arn:"))
      throw new AwsError(
        "ValidationException",
        `1 validation error detected: Value '${resource}' at 'resource' failed to satisfy constraint: Member must be an ARN`,
      );
    return { Tags: requireFunction(resource, context, "ListTags").tags };
  },
};

/** Picks the operation for a REST path; undefined input means the path names no operation. */
export function routeLambda(request: SimRequest): {
  name: string;
  operation: Operation<LambdaInput>;
  input: LambdaInput;
} {
  const segments = request.path.split("/").filter(Boolean).map(decodeURIComponent);
  const [version, collection, name, sub] = segments;
  if (request.method === "GET" && version === "2015-03-31" && collection === "functions") {
    if (name === undefined) return { name: "ListFunctions", operation: listFunctions, input: { query: request.query } };
    if (sub === undefined && segments.length === 3)
      return { name: "GetFunction", operation: getFunction, input: { functionName: name, query: request.query } };
    if (sub === "versions" && segments.length === 4) {
      return {
        name: "ListVersionsByFunction",
        operation: listVersionsByFunction,
        input: { functionName: name, query: request.query },
      };
    }
    if (sub === "aliases" && segments.length === 4)
      return { name: "ListAliases", operation: listAliases, input: { functionName: name, query: request.query } };
    if (sub === "configuration" && segments.length === 4) {
      return {
        name: "GetFunctionConfiguration",
        operation: getFunctionConfiguration,
        input: { functionName: name, query: request.query },
      };
    }
  }
  if (
    request.method === "GET" &&
    version === "2017-03-31" &&
    collection === "tags" &&
    name !== undefined &&
    segments.length === 3
  ) {
    return { name: "ListTags", operation: listTags, input: { resource: name, query: request.query } };
  }
  throw unknownOperation(`${request.method} ${request.path}`, 404);
}

function requireFunction(reference: string, context: CallContext, action: string): FunctionSpec {
  if (reference.length === 0 || reference.length > 170) {
    throw new AwsError(
      "ValidationException",
      `1 validation error detected: Value '${reference}' at 'functionName' failed to satisfy constraint: Member must have length between 1 and 170`,
    );
  }
  const arnAccount =
    /^arn:aws:lambda:[a-z0-9-]+:(\d{12}):/.exec(reference)?.[1] ?? /^(\d{12}):function:/.exec(reference)?.[1];
  if (arnAccount && arnAccount !== context.accountId) {
    throw new AwsError(
      "AccessDeniedException",
      `User: ${context.principalArn} is not authorized to perform: lambda:${action} on resource: ${reference}`,
      403,
    );
  }
  const fn = context.world.resolveFunction(reference, context.accountId, context.region);
  const name = fn?.name ?? reference.split(":").pop() ?? reference;
  const arn = `arn:aws:lambda:${context.region}:${context.accountId}:function:${name}`;
  if (!fn) throw new AwsError("ResourceNotFoundException", `Function not found: ${arn}`, 404);
  return fn;
}
