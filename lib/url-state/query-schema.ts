import { z } from "zod";

/**
 * The two schemas of one view's query: the API rejects unknown parameters (a typo must not
 * silently widen the result); a page ignores them (links may carry extra parameters).
 */
export function viewQuerySchemas<Shape extends z.ZodRawShape>(
  shape: Shape,
  refine: (value: z.output<z.ZodObject<Shape>>, ctx: z.RefinementCtx) => void,
) {
  return {
    api: z.strictObject(shape).superRefine(refine),
    page: z.object(shape).superRefine(refine),
  };
}
