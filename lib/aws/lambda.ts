import { GetFunctionCommand, type LambdaClient, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import {
  type FunctionConfiguration,
  functionConfigurationSchema,
  type GetFunctionResult,
  getFunctionSchema,
  listFunctionsPageSchema,
} from "./lambda-schema";

export type { FunctionConfiguration, GetFunctionResult };

/** An entry of the listing that did not match what we depend on. */
export interface MalformedFunction {
  /** The function's name when the entry has one. */
  name: string | null;
  message: string;
}

export interface FunctionListing {
  functions: FunctionConfiguration[];
  malformed: MalformedFunction[];
}

const PAGE_SIZE = 50;

/** Every function of the account × region ($LATEST), all pages. */
export async function listFunctions(lambda: LambdaClient, signal?: AbortSignal): Promise<FunctionListing> {
  const listing: FunctionListing = { functions: [], malformed: [] };
  let marker: string | undefined;
  do {
    const page = listFunctionsPageSchema.parse(
      await lambda.send(new ListFunctionsCommand({ Marker: marker, MaxItems: PAGE_SIZE }), { abortSignal: signal }),
    );
    for (const entry of page.Functions) {
      const parsed = functionConfigurationSchema.safeParse(entry);
      if (parsed.success) listing.functions.push(parsed.data);
      else listing.malformed.push({ name: nameOf(entry), message: parsed.error.message });
    }
    marker = page.NextMarker ?? undefined;
  } while (marker);
  return listing;
}

function nameOf(entry: unknown): string | null {
  const name = (entry as { FunctionName?: unknown } | null)?.FunctionName;
  return typeof name === "string" ? name : null;
}

/** The only source of State, StateReasonCode and LastUpdateStatus; also returns Code and Tags. */
export async function getFunction(
  lambda: LambdaClient,
  name: string,
  signal?: AbortSignal,
): Promise<GetFunctionResult> {
  return getFunctionSchema.parse(
    await lambda.send(new GetFunctionCommand({ FunctionName: name }), { abortSignal: signal }),
  );
}
