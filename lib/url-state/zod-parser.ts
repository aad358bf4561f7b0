import { createParser } from "nuqs/server";
import type { z } from "zod";

/**
 * A nuqs parser that accepts exactly what the zod field schema accepts, so the URL state of a page
 * and the query schema of its API never disagree about a value.
 */
export function parseAsZod<T extends string | number>(schema: z.ZodType<T>) {
  return createParser<T>({
    parse: (value) => {
      const result = schema.safeParse(value);
      return result.success ? result.data : null;
    },
    serialize: String,
  });
}
