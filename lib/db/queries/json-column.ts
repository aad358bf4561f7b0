import type { z } from "zod";

/**
 * Reads a JSON text column the collector writes. Schemas end in `.catch(…)`, so an odd value
 * degrades to the empty default instead of breaking a page.
 */
export function parseJsonColumn<T>(schema: z.ZodType<T>, text: string | null): T {
  let value: unknown;
  try {
    value = text === null ? undefined : JSON.parse(text);
  } catch {
    value = undefined;
  }
  return schema.parse(value);
}
