import { z } from "zod";

/** For endpoints without parameters: any parameter is a mistake worth a 400. */
export const noParamsSchema = z.strictObject({});
