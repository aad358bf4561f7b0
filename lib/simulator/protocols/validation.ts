import type { z } from "zod";
import { AwsError } from "./errors";

/**
 * Validates an operation's input like AWS does, answering with the service's own error code
 * (`ValidationException`, `InvalidParameterValueException`, …) and AWS's message style.
 */
export function validateInput<T extends z.ZodType>(schema: T, input: unknown, errorCode: string): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const details = issues
    .slice(0, 5)
    .map((issue) => `Value at '${issue.path.join(".") || "input"}' failed to satisfy constraint: ${issue.message}`)
    .join("; ");
  throw new AwsError(
    errorCode,
    `${issues.length} validation error${issues.length === 1 ? "" : "s"} detected: ${details}`,
  );
}
