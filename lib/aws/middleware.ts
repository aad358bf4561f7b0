import type {
  FinalizeHandler,
  FinalizeHandlerArguments,
  HandlerExecutionContext,
  MiddlewareStack,
} from "@smithy/types";
import { isThrottle } from "./errors";
import { currentMeter } from "./meter";
import type { TokenBucket } from "./rate-limit";

export interface PacingOptions {
  service: string;
  /** The bucket an operation is paced by, or null when it is not paced. */
  bucketFor: (operation: string) => TokenBucket | null;
}

function operationOf(context: HandlerExecutionContext): string {
  return (context.commandName ?? "Unknown").replace(/Command$/, "");
}

/**
 * Installed inside the SDK's retry loop, so that every attempt — retries included — waits for a
 * token of its quota, is counted in the current poll run's meter, and teaches the bucket about
 * throttling.
 */
export function installPacing<Input extends object, Output extends object>(
  stack: MiddlewareStack<Input, Output>,
  options: PacingOptions,
): void {
  stack.addRelativeTo(
    (next: FinalizeHandler<Input, Output>, context: HandlerExecutionContext) =>
      async (args: FinalizeHandlerArguments<Input>) => {
        const operation = operationOf(context);
        const bucket = options.bucketFor(operation);
        await bucket?.take();
        const api = `${options.service}:${operation}`;
        try {
          const result = await next(args);
          bucket?.onSuccess();
          currentMeter()?.record(api, false);
          return result;
        } catch (error) {
          const throttled = isThrottle(error);
          if (throttled) bucket?.onThrottled();
          currentMeter()?.record(api, throttled);
          throw error;
        }
      },
    { name: "imagefleetPacing", relation: "after", toMiddleware: "retryMiddleware", override: true },
  );
}
