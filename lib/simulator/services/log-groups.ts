import type { FunctionSpec } from "../model/fleet";
import { scopeKey } from "../model/fleet";
import { AwsError } from "../protocols/errors";
import type { CallContext } from "./context";

export interface ResolvedLogGroup {
  accountId: string;
  name: string;
  functions: readonly FunctionSpec[];
}

/** A log group by name or ARN (`arn:aws:logs:<region>:<account>:log-group:<name>[:*]`) in the caller's scope. */
export function resolveLogGroup(identifier: string, context: CallContext): ResolvedLogGroup {
  const arn = /^arn:aws:logs:([a-z0-9-]+):(\d{12}):log-group:(.+?)(?::\*)?$/.exec(identifier);
  const name = arn?.[3] ?? identifier;
  const inScope = !arn || (arn[1] === context.region && arn[2] === context.accountId);
  const functions = inScope
    ? context.world.logGroups.get(scopeKey(context.accountId, context.region))?.get(name)
    : undefined;
  const existing = functions?.filter((fn) => fn.createdAt <= context.world.now());
  if (!existing || existing.length === 0) {
    throw new AwsError("ResourceNotFoundException", `The specified log group does not exist: ${identifier}`);
  }
  return { accountId: context.accountId, name, functions: existing };
}
